/**
 * Warnings never defeat the "nothing changed" shortcut: a build of a library
 * where every note has a warning is skipped when nothing changed, prints the
 * same report a full build prints, and after an edit writes exactly what a
 * cold build writes. Real CLI runs on a copy of the bundled library.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ensureCompiled, ROOT } from '../reliability/cli.js';

let cwd: string;
let notes: string[];
beforeAll(() => ensureCompiled(), 120_000);
beforeEach(() => {
  cwd = mkdtempSync(path.join(os.tmpdir(), 'cp-warn-shortcut-'));
  cpSync(path.join(ROOT, 'library'), path.join(cwd, 'library'), { recursive: true });
  mkdirSync(path.join(cwd, 'node_modules'));
  notes = readdirSync(path.join(cwd, 'library')).filter((name) => name.endsWith('.md')).sort();
  // One warning in every note: `source` before `year` (frontmatter-key-order).
  for (const name of notes) edit(name, (text) => text.replace(/^(year: .*)\n(source: .*)$/m, '$2\n$1'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function edit(name: string, change: (text: string) => string): void {
  const file = path.join(cwd, 'library', name);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

function build(out: string, ...flags: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'build', '--out', out, ...flags], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '' } });
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  return { report: lines.slice(0, -1).join('\n'), last: lines.at(-1) ?? '' };
}

/** Every output file (the site's pages included) by its path under `out`, as base64 (the e-book is binary). */
const outputs = (out: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(path.join(cwd, out), { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(path.join(cwd, out, name)).isFile())
      .sort()
      .map((name) => [name, readFileSync(path.join(cwd, out, name)).toString('base64')]),
  );

// Three or four real CLI builds a test: a loaded 2-core machine exceeded vitest's 30 s default. A hang guard, not a speed claim.
describe('the build shortcut with warnings', { timeout: 180_000 }, () => {
  it('should skip an unchanged build of a library with a warning in every note, and print the same report', async () => {
    const first = build('dist');
    expect(first.last).toMatch(/^Built 14 notes/);
    expect(first.report.match(/frontmatter-key-order/g)).toHaveLength(notes.length);
    const again = build('dist');
    expect(again.last).toMatch(/^Up to date: nothing changed since the last build/);
    expect(again.report).toBe(first.report);
  });

  it('should, after one edit, rebuild and write and report what a cold build does; then skip again', async () => {
    build('dist');
    edit(notes[0]!, (text) => text.replace('\n## Critique\n', '\nOne more sentence for the summary.\n\n## Critique\n'));
    const warm = build('dist');
    expect(warm.last).toMatch(/^Built 14 notes/);
    const cold = build('cold', '--no-cache');
    expect(warm.report).toBe(cold.report);
    expect(outputs('dist')).toEqual(outputs('cold'));
    expect(readFileSync(path.join(cwd, 'dist', 'handbook.md'), 'utf8')).toContain('One more sentence for the summary.');
    const skipped = build('dist');
    expect(skipped.last).toMatch(/^Up to date/);
    expect(skipped.report).toBe(cold.report);
  });

  it('should not skip when an edit changes only the findings', async () => {
    build('dist');
    // Put the keys of one note back in order: its warning goes, nothing else changes.
    edit(notes[1]!, (text) => text.replace(/^(source: .*)\n(year: .*)$/m, '$2\n$1'));
    const warm = build('dist');
    expect(warm.last).toMatch(/^Built 14 notes/);
    expect(warm.report.match(/frontmatter-key-order/g)).toHaveLength(notes.length - 1);
    expect(build('cold', '--no-cache').report).toBe(warm.report);
  });
});
