/**
 * README "Lint output": the formats it names are the formats `--format`
 * takes, each prints what the README says; `--fix` fixes exactly the kinds
 * it lists; the inline comments in its example block work as shown.
 */
import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../src/check/example-note.js';
import { rules } from '../../src/check/rules/index.js';
import { formatters } from '../../src/cli/format/index.js';
import { lintFiles } from '../check/harness.js';
import { runCommand } from '../link/run-command.js';
import { ROOT, section, sectionText } from './readme.js';

const SECTION = 'Lint output';
const text = sectionText(SECTION);
const BAD = 'test/fixtures/lint/bad';
const lint = (...argv: string[]) => runCommand(['lint', '--library', BAD, '--no-cache', ...argv], ROOT);

describe(`README "${SECTION}"`, () => {
  it('should name every --format there is, and only those', () => {
    const named = [...text.matchAll(/`(?:--format )?(stylish|json|sarif|github)`/g)].map((m) => m[1]);
    expect([...new Set(named)].sort()).toEqual(Object.keys(formatters).sort());
  });

  it('should print stylish as "line:column  severity  message  rule-id" with a summary line, uncoloured off a terminal', async () => {
    const { stdout } = await lint(`${BAD}/raw-html.md`);
    expect(stdout).toMatch(/\n {2}10:\d+ {2}warning {2}Unexpected raw HTML .* {2}raw-html\n/);
    expect(stdout).toMatch(/\n⚠ 1 problem \(0 errors, 1 warning\)\n/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('should print json with severity 1 for warnings and 2 for errors, no info, paths relative to the working directory', async () => {
    const files = JSON.parse((await lint('--format', 'json')).stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[];
    const severities = new Set(files.flatMap((f) => f.messages.map((m) => m.severity)));
    expect([...severities].sort()).toEqual([1, 2]);
    expect(files.flatMap((f) => f.messages).some((m) => m.ruleId === 'unlinked-mention')).toBe(false);
    expect(files.every((f) => f.filePath.startsWith(`${BAD}/`))).toBe(true);
  });

  it('should print SARIF 2.1.0 with suggestions as "note", and GitHub annotations', async () => {
    const sarif = JSON.parse((await lint('--format', 'sarif')).stdout) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === 'unlinked-mention')?.level).toBe('note');
    expect((await lint('--format', 'github')).stdout).toMatch(/^::error file=[^,]+,line=\d+,col=\d+/m);
  });

  it('should fix exactly the kinds of problem it lists as safe', () => {
    const listed = /applies only safe fixes \(([^)]*)\)/.exec(text.replace(/\s+/g, ' '))?.[1] ?? '';
    expect(listed).toBe("section heading level and spelling, trailing whitespace, front-matter key order, a `relations:` note name when exactly one note's name is closest");
    expect(rules.filter((r) => r.fixable).map((r) => r.id).sort()).toEqual(['frontmatter-key-order', 'relation-unknown-target', 'section-heading-spelling', 'section-level', 'trailing-whitespace']);
  });

  it('should honour each inline comment of the example block as shown', () => {
    const block = section(SECTION).find((n) => n.type === 'code' && n.lang === 'md');
    const lines = block && 'value' in block ? block.value.split('\n') : [];
    expect(lines).toHaveLength(3);
    const [disable = '', enable = '', nextLine = ''] = lines;
    const html = '<kbd>x</kbd>';
    const note = exampleNote({ summary: `${EXAMPLE_SUMMARY}\n\n${disable}\n${html}\n${enable}\n${html}\n\n${nextLine}\n${EXAMPLE_SUMMARY} ` });
    const found = lintFiles({ 'n.md': note }).filter((d) => d.ruleId === 'raw-html' || d.ruleId === 'trailing-whitespace');
    // Only the raw HTML after the enable line is reported; the trailing space after disable-next-line is not.
    expect(found.map((d) => [d.ruleId, d.line])).toEqual([['raw-html', 13], ['raw-html', 13]]);
  });
});
