/** `commonplace search` end to end on the fixture library. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/cli/search.js';
import { runCommand } from '../link/run-command.js';
import { linkText } from '../../src/cli/search.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIB = 'test/fixtures/link/library';
const search = (argv: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) => runCommand(['search', ...argv, '--library', LIB], ROOT, options);

describe('commonplace search', () => {
  it('should rank notes by BM25 with a bracket-highlighted snippet when not on a terminal', async () => {
    const { code, stdout } = await search(['communication', 'structure']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^ {2}1\. How Do Committees Invent\? \(conways-law\.md\) {2}score \d+\.\d{4}$/);
    expect(lines[1]).toContain('[communication structure]');
    expect(stdout).not.toContain('\u001b[');
  });

  it('should match stemmed forms (structures → structure)', async () => {
    const { stdout } = await search(['structures']);
    expect(stdout).toContain('[structure]');
  });

  it('should highlight in bold on a terminal, and not when NO_COLOR is set', async () => {
    const tty = await search(['market'], { tty: true });
    expect(tty.stdout).toContain('\u001b[1mmarket\u001b[22m');
    const noColor = await search(['market'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toContain('[market]');
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('should print JSON with the snippet and highlight offsets', async () => {
    const { code, stdout } = await search(['market', '--json', '--limit', '1']);
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as { id: string; snippet: { text: string; highlights: [number, number][] } }[];
    expect(hits).toHaveLength(1);
    expect(hits[0]!.id).toBe('product-market-fit');
    for (const [start, end] of hits[0]!.snippet.highlights) expect(hits[0]!.snippet.text.slice(start, end).toLowerCase()).toBe('market');
  });

  // Issue 20: snippets showed raw link syntax, "[[[Conway's law]]]".
  it('should show a wikilink in a snippet as its text, never as [[…]] syntax', async () => {
    const result = await runCommand(['search', "Conway's law"], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("application of [Conway's law]: squads");
    expect(result.stdout).not.toContain('[[');
    expect(linkText('See [[Team Topologies#Critique|the critique]] and [[ownership]].')).toBe('See the critique and ownership.');
  });

  it('should say so when nothing matches, and exit 0', async () => {
    const { code, stdout } = await search(['zeppelin']);
    expect(code).toBe(0);
    expect(stdout).toBe('No notes match "zeppelin".\n');
  });

  it('should exit 2 without a query', async () => {
    const { code, stderr } = await search([]);
    expect(code).toBe(2);
    expect(stderr).toContain('missing QUERY');
  });
});

describe('highlight', () => {
  it('should join matches separated only by spaces or hyphens', () => {
    const text = 'a single-threaded leader, a leader';
    expect(highlight(text, [[2, 8], [9, 17], [18, 24], [28, 34]], 'brackets')).toBe('a [single-threaded leader], a [leader]');
    expect(highlight(text, [[28, 34]], 'ansi')).toBe('a single-threaded leader, a \u001b[1mleader\u001b[22m');
  });
});
