/** `commonplace related` end to end on the fixture library and the bundled library. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../link/run-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIB = 'test/fixtures/link/library';
const related = (...argv: string[]) => runCommand(['related', ...argv], ROOT);

describe('commonplace related', () => {
  it('should print the related notes with score and reasons', async () => {
    const { code, stdout, stderr } = await related('single-threaded-model', '--library', LIB);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe("Related to Amazon's Single-Threaded Model (single-threaded-model.md):");
    expect(lines[2]).toMatch(/^ {2}1\. How Do Committees Invent\? \(conways-law\.md\) {2}score \d+\.\d{4}$/);
    expect(lines[3]).toBe("     shared concepts: Conway's law, Single-threaded leader");
    expect(lines[4]).toMatch(/^ {5}shared terms: .*structure/);
    expect(stdout).toContain('2. The Only Thing That Matters (sub/product-market-fit.md)');
  });

  it.each([
    ['a title, loosely written', 'amazon’s single threaded model'],
    ['a library path', 'sub/product-market-fit.md'],
    ['a path from the current folder', `${LIB}/sub/product-market-fit.md`],
    ['an alias', 'committees paper'],
  ])('should find the note by %s', async (_what, query) => {
    const { code, stdout } = await related(query, '--library', LIB);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Related to /);
  });

  it('should honour --limit and print JSON with --json', async () => {
    const { code, stdout } = await related('conways-law', '--limit', '1', '--json', '--library', LIB);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { note: { id: string }; related: { id: string; path: string; score: number; reasons: { concepts: string[]; terms: string[] } }[] };
    expect(json.note).toEqual({ id: 'conways-law', path: 'conways-law.md', title: 'How Do Committees Invent?' });
    expect(json.related).toHaveLength(1);
    expect(json.related[0]).toMatchObject({ id: 'single-threaded-model', path: 'single-threaded-model.md', reasons: { concepts: ['conways-law', 'single-threaded-leader'] } });
  });

  it('should exit 1 with the closest note suggested for an unknown note', async () => {
    const { code, stdout, stderr } = await related('single-threaded-modle', '--library', LIB);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('commonplace related: no note matches "single-threaded-modle"; did you mean "single-threaded-model"?\n');
  });

  it.each([
    [[]],
    [['x', '--limit', '0']],
    [['x', '--limit', 'many']],
    [['x', '--bogus']],
  ])('should exit 2 with usage for %j', async (argv) => {
    const { code, stderr } = await related(...argv, '--library', LIB);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: commonplace related NOTE');
  });

  it('should exit 2 for a library folder that does not exist', async () => {
    const { code, stderr } = await related('x', '--library', 'no/such/folder');
    expect(code).toBe(2);
    expect(stderr).toContain('library folder not found: no/such/folder');
  });

  it('should print help with --help', async () => {
    const { code, stdout } = await related('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--limit N');
  });
});

describe('commonplace related on the bundled library', () => {
  it('should relate the Conway’s-law note and the single-threaded-leader note both ways', async () => {
    const fromStl = JSON.parse((await related('amazons-single-threaded-model', '--json')).stdout) as { related: { id: string; reasons: { concepts: string[] } }[] };
    const top = fromStl.related[0]!;
    expect(top.id).toBe('how-do-committees-invent');
    expect(top.reasons.concepts).toContain('single-threaded-leader');
    const fromConway = JSON.parse((await related(path.join('library', 'how-do-committees-invent.md'), '--json')).stdout) as { related: { id: string }[] };
    expect(fromConway.related.map((r) => r.id)).toContain('amazons-single-threaded-model');
  });
});

describe('commonplace related with typed relations', () => {
  it('should list a typed relation first and say so in the reasons, in text and JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-related-rel-'));
    cpSync(path.join(ROOT, LIB), dir, { recursive: true });
    const file = path.join(dir, 'single-threaded-model.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, '\nrelations:\n  responds-to: [The Only Thing That Matters]\n---\n'));
    const text = await related('single-threaded-model', '--library', dir);
    const lines = text.stdout.split('\n');
    expect(lines[2]).toMatch(/^ {2}1\. The Only Thing That Matters \(sub\/product-market-fit\.md\) {2}score \d+\.\d{4}$/);
    expect(lines[3]).toBe('     relation: responds-to (this note responds to it)');
    const other = await related('product-market-fit', '--library', dir);
    expect(other.stdout.split('\n')[3]).toBe('     relation: responds-to (it responds to this note)');
    const json = JSON.parse((await related('single-threaded-model', '--json', '--library', dir)).stdout) as { related: { id: string; reasons: { relations: string[] } }[] };
    expect(json.related.map((r) => [r.id, r.reasons.relations])).toEqual([['product-market-fit', ['responds-to']], ['conways-law', []]]);
  });
});
