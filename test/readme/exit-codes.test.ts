/**
 * README "Exit codes": every case the table names, run through the real
 * command (in-process, the same code path as the binary). Each case is
 * keyed by the README's own words, so a row cannot lose a case unnoticed.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../link/run-command.js';
import { ROOT, table } from './readme.js';

const SECTION = 'Exit codes';
const fixture = (...parts: string[]) => path.join(ROOT, 'test', 'fixtures', ...parts);
const GOOD = fixture('lint', 'good');
const BAD = fixture('lint', 'bad');

function temp(): string {
  return mkdtempSync(path.join(tmpdir(), 'cp-readme-exit-'));
}

/** [words in the README row, the command to run (returns its argv and cwd)]. */
type Case = [words: string, run: () => [string[], string]];
const CASES: Record<string, Case[]> = {
  '0': [
    ['success', () => [['lint', '--library', GOOD, '--no-cache'], temp()]],
    ['no more warnings than `--max-warnings`', () => [['lint', '--library', GOOD, '--no-cache', '--max-warnings', '0'], temp()]],
  ],
  '1': [
    ['lint errors', () => [['lint', '--library', BAD, '--no-cache'], temp()]],
    ['too many warnings', () => [['lint', path.join(BAD, 'key-order.md'), '--library', BAD, '--no-cache', '--max-warnings', '0'], temp()]],
    ['a build stopped by lint errors', () => [['build', '--library', BAD, '--no-cache', '--out', 'dist'], temp()]],
    ['`new`/`import` refusing to overwrite', () => {
      const dir = temp();
      cpSync(fixture('lint', 'good', 'owning-teams.md'), path.join(dir, 'library', 'owning-teams.md'), { recursive: true });
      return [['new', '--title', 'A note that owns its outcome', '--author', 'A', '--year', '2020', '--source', 'https://example.com/x', '--slug', 'owning-teams'], dir];
    }],
    ['to import a malformed file', () => [['import', fixture('import', 'no-title.txt')], temp()]],
    ['an unknown note for `related`', () => [['related', 'no-such-note', '--library', fixture('link', 'library')], temp()]],
  ],
  '2': [
    ['an unknown flag', () => [['lint', '--bogus'], temp()]],
    ['or format', () => [['lint', '--format', 'xml'], temp()]],
    ['a missing required flag without a terminal', () => [['new', '--title', 'T'], temp()]],
    ['an invalid `commonplace.config.json`', () => {
      const dir = temp();
      writeFileSync(path.join(dir, 'commonplace.config.json'), '{ "minYear": "old" }');
      return [['lint'], dir];
    }],
    ['a missing library folder', () => [['lint', '--library', 'nowhere'], temp()]],
    ['never a `--library` one', () => [['new', '--title', 'T', '--author', 'A', '--year', '2020', '--source', 'https://example.com/t', '--library', 'nowhere'], temp()]],
  ],
};

describe(`README "${SECTION}"`, () => {
  const rows = new Map(table(SECTION).map(([code = '', meaning = '']) => [code, meaning]));

  it('should document exactly the codes 0, 1 and 2', () => {
    expect([...rows.keys()]).toEqual(['0', '1', '2']);
  });

  for (const [code, cases] of Object.entries(CASES)) {
    it.each(cases)(`should exit ${code} for "%s"`, async (words, run) => {
      expect(rows.get(code)?.replace(/\s+/g, ' ')).toContain(words.replace(/`/g, ''));
      const [argv, cwd] = run();
      mkdirSync(cwd, { recursive: true });
      const result = await runCommand(argv, cwd);
      expect(result.code, result.stderr).toBe(Number(code));
    }, 60_000);
  }
});
