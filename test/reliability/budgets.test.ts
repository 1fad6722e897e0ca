/**
 * Time budgets. Pathological Markdown (the cmark pathological suite, at
 * cmark's own sizes) goes through the real CLI: each note passes or fails
 * cleanly within the configured per-note budget and the run goes on. A note
 * too deeply nested to cross threads fails at once instead of waiting out
 * its budget. Our own text scanning (wikilinks, placeholders, headings,
 * trailing whitespace, directives, mentions) stays fast on adversarial lines.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLibrary, INTERNAL_ERROR } from '../../src/check/run.js';
import { defaultConfig } from '../../src/config.js';
import { emitAll } from '../../src/emit/index.js';
import { loadGlossary } from '../../src/link/glossary.js';
import { linkLibrary } from '../../src/link/index.js';
import { findMentions } from '../../src/link/mentions.js';
import { isReadFailure, readLibrary } from '../../src/read/index.js';
import { parseNote } from '../../src/read/parse.js';
import { ensureCompiled, findingsByFile, HOSTILE, runCli, tempDir } from './cli.js';
import { goodNoteWith } from './hostile-fixtures.js';
import { wholeBodies } from '../../src/read/bodies.js';

const r = (s: string, n: number): string => s.repeat(n);

/** cmark's test/pathological_tests.py inputs (sizes as there, or cut to fit maxFileBytes). */
const CMARK_PATHOLOGICAL: Record<string, string> = {
  'nested-strong-emph': r('*a **a ', 65_000) + 'b' + r(' a** a*', 65_000),
  'emph-closers-no-openers': r('a_ ', 65_000),
  'emph-openers-no-closers': r('_a ', 65_000),
  'link-closers-no-openers': r('a]', 65_000),
  'link-openers-no-closers': r('[a', 65_000),
  'mismatched-openers-closers': r('*a_ ', 50_000),
  'openers-closers-multiple-of-3': 'a**b' + r('c* ', 50_000),
  'link-openers-emph-closers': r('[ a_', 50_000),
  'pattern-bracket-paren': r('[ (](', 80_000),
  'hard-link-emph': '**x [a*b**c*](d)',
  'nested-brackets': r('[', 50_000) + 'a' + r(']', 50_000),
  'nested-block-quotes': r('>', 50_000) + 'a',
  'deeply-nested-lists': Array.from({ length: 1000 }, (_, x) => r('  ', x) + '* a\n').join(''),
  'u0000-entities': r('abc&#0;de&#0;', 10_000),
  'backticks': Array.from({ length: 1000 }, (_, x) => 'e' + r('`', x + 1)).join(''),
  'unclosed-links-a': r('[a](<b', 30_000),
  'unclosed-links-b': r('[a](b', 30_000),
  'unclosed-comment': '</' + r('<!--', 200_000),
  'many-references': Array.from({ length: 50_000 }, (_, x) => `[${x}]: u\n`).join('') + r('[0] ', 5000),
  'nested-inlines': r('*', 20_000) + 'a' + r('*', 20_000),
  'many-html-attributes': '<a ' + r('x="y" ', 50_000),
  'table-many-rows': 'a|b\n-|-\n' + r('1|2\n', 50_000),
};

const BUDGET_MS = 1000;
const CLEAN_FAILURES = new Set(['file-parse-timeout', 'file-parse-overflow', 'file-parse-crash', 'file-too-large']);

let scratch: string;

beforeAll(() => {
  ensureCompiled();
  scratch = tempDir();
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the cmark pathological inputs through the CLI', () => {
  it(`should pass or fail cleanly within a ${BUDGET_MS} ms budget each, and the run goes on`, async () => {
    const library = path.join(scratch, 'cmark', 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(path.join(scratch, 'cmark', 'commonplace.config.json'), JSON.stringify({ parseTimeoutMs: BUDGET_MS }));
    writeFileSync(path.join(library, 'good.md'), goodNoteWith('', 'A good note'));
    for (const [name, body] of Object.entries(CMARK_PATHOLOGICAL)) writeFileSync(path.join(library, `${name}.md`), goodNoteWith(body, name));
    const lint = await runCli(['lint', '--format', 'json'], { cwd: path.join(scratch, 'cmark') });
    expect(lint.code, lint.stderr).toBe(1);
    const findings = findingsByFile(lint.stdout, library, path.join(scratch, 'cmark'));
    expect(findings.get('good.md')).toEqual([]);
    for (const name of Object.keys(CMARK_PATHOLOGICAL)) {
      const messages = findings.get(`${name}.md`);
      expect(messages, name).toBeDefined();
      const readErrors = messages!.filter((m) => m.ruleId.startsWith('file-'));
      for (const m of readErrors) expect(CLEAN_FAILURES.has(m.ruleId), `${name}: ${m.ruleId} ${m.message}`).toBe(true);
      expect(messages!.filter((m) => m.ruleId === INTERNAL_ERROR), name).toEqual([]);
    }
    // Generous: every note at most its budget plus a worker restart.
    expect(lint.ms).toBeLessThan(Object.keys(CMARK_PATHOLOGICAL).length * (BUDGET_MS + 2000) + 20_000);
  }, 180_000);
});

describe('a parse result too deep to cross threads', () => {
  it('should fail that note at once as too deeply nested, not after its whole time budget', async () => {
    const library = path.join(scratch, 'deep');
    mkdirSync(library, { recursive: true });
    writeFileSync(path.join(library, 'deep-quote.md'), goodNoteWith(`${'>'.repeat(2000)} a`, 'Deep quote'));
    writeFileSync(path.join(library, 'good.md'), goodNoteWith('', 'A good note'));
    const started = Date.now();
    const read = await readLibrary(library, { ...defaultConfig, parseTimeoutMs: 120_000 }, { workers: 1 });
    const elapsed = Date.now() - started;
    expect(read.notes.map((n) => n.id)).toEqual(['good']);
    expect(read.failures.map((f) => f.diagnostic.ruleId)).toEqual(['file-parse-overflow']);
    expect(elapsed).toBeLessThan(60_000);
  }, 150_000);
});

describe('our own scanners on adversarial lines', () => {
  const { concepts } = loadGlossary(HOSTILE, defaultConfig);
  const adversarial: Record<string, string> = {
    'wikilink never closed': `[[${r('a', 50_000)}!`,
    'wikilink pipes': `[[a${r('|', 50_000)}`,
    'wikilink hashes': `[[a${r('#', 50_000)}`,
    'placeholder braces': r('{{', 25_000),
    'placeholder never closed': `{{${r('a', 50_000)}`,
    'prompt line': `TODO:${r(' ', 50_000)}x`,
    'inner blanks': `a${r(' \t', 25_000)}b`,
    'trailing blanks': `a${r(' ', 50_000)}`,
    'heading spaces': `## Critique${r(' ', 50_000)}x`,
    'heading repeats': `## ${r('Why it matters ', 3000)}`,
    'directive': `<!-- commonplace-disable ${r('a ', 25_000)}-->`,
    'mention repeats': r('ownership and hand-off ', 5000),
    'apostrophes and hyphens': r("end-to-end\u2019s \u2010", 10_000),
    'colons': r('a:', 25_000),
  };

  for (const [name, line] of Object.entries(adversarial)) {
    it(`should check, link and emit a note with ${name} quickly (does not hang)`, () => {
      const result = parseNote({ path: 'adversarial.md', bytes: new TextEncoder().encode(goodNoteWith(line, 'Adversarial')) }, defaultConfig);
      expect(isReadFailure(result)).toBe(false);
      if (isReadFailure(result)) return;
      const started = Date.now();
      const bodies = wholeBodies([result]);
      const mentions = findMentions([result], concepts, bodies);
      const diagnostics = checkLibrary({ notes: [result], bodies, failures: [], concepts, mentions, config: defaultConfig });
      expect(diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
      emitAll(linkLibrary([result], concepts, defaultConfig, bodies, mentions), defaultConfig, { bodies });
      expect(Date.now() - started).toBeLessThan(5000);
    }, 60_000);
  }
});
