import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureCompiled, ROOT } from '../reliability/cli.js';

/** The bundled library: lint-clean, so it builds. */
const GOOD = path.join(ROOT, 'library');
const BAD = path.join(ROOT, 'test', 'fixtures', 'lint', 'bad');

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-build-'));
  temps.push(dir);
  return dir;
}

function build(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, 'build', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` (site/ sub-folders included) by relative path. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );

beforeAll(() => ensureCompiled(), 120_000);
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each test runs the CLI several times; the timeout is a hang guard for a loaded machine, not a speed check.
describe('commonplace build', { timeout: 120_000 }, () => {
  it('should write the default outputs and a one-line summary', () => {
    const cwd = tempDir();
    const { code, stdout } = build(cwd, ['--library', GOOD, '--out', 'out', '--no-cache']);
    expect(code).toBe(0);
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['handbook.epub', 'handbook.html', 'handbook.md', 'index.json', 'index.schema.json', 'references.bib', 'references.json', 'site']);
    expect(stdout).toMatch(/^Built \d+ notes, \d+ concepts?, \d+ links? → \d+ files in out \(\d+\.\d s\)$/m);
  });

  it('should stop on lint errors with exit 1, print the report, and leave the previous outputs untouched', () => {
    const cwd = tempDir();
    const out = path.join(cwd, 'out');
    expect(build(cwd, ['--library', GOOD, '--out', out, '--no-cache']).code).toBe(0);
    const before = snapshot(out);
    const { code, stdout, stderr } = build(cwd, ['--library', BAD, '--out', out, '--no-cache']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/\d+:\d+\s+error\s+/);
    expect(stderr).toMatch(/lint errors?; nothing written to out/);
    expect(snapshot(out)).toEqual(before);
  });

  it('should add generatedAt only when SOURCE_DATE_EPOCH is set', () => {
    const cwd = tempDir();
    build(cwd, ['--library', GOOD, '--out', 'plain', '--no-cache']);
    build(cwd, ['--library', GOOD, '--out', 'dated', '--no-cache'], { SOURCE_DATE_EPOCH: '1700000000' });
    const plain = JSON.parse(readFileSync(path.join(cwd, 'plain', 'index.json'), 'utf8')) as Record<string, unknown>;
    const dated = JSON.parse(readFileSync(path.join(cwd, 'dated', 'index.json'), 'utf8')) as Record<string, unknown>;
    expect(plain.generatedAt).toBeUndefined();
    expect(dated.generatedAt).toBe('2023-11-14T22:13:20.000Z');
  });

  // README "dist/index.json": generatedAt from SOURCE_DATE_EPOCH; a bad value is an environment error (issue 20).
  it.each(['abc', '-5', '1.5'])('should refuse SOURCE_DATE_EPOCH=%j with one line and exit 2, writing nothing', (value) => {
    const cwd = tempDir();
    const result = build(cwd, ['--library', GOOD, '--out', 'dated', '--no-cache'], { SOURCE_DATE_EPOCH: value });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`commonplace build: SOURCE_DATE_EPOCH "${value}" is not a whole number of seconds since 1970-01-01 (e.g. 1700000000); fix or unset it\n`);
    expect(existsSync(path.join(cwd, 'dated'))).toBe(false);
  });

  it('should give byte-identical outputs from a cold and a warm (cached) build', () => {
    const cwd = tempDir();
    cpSync(GOOD, path.join(cwd, 'library'), { recursive: true });
    writeFileSync(path.join(cwd, 'package.json'), '{}\n'); // a project: its cache goes in node_modules/.cache
    mkdirSync(path.join(cwd, 'node_modules'));
    expect(build(cwd, ['--out', 'cold', '--no-cache']).code).toBe(0);
    expect(build(cwd, ['--out', 'first']).code).toBe(0);
    expect(existsSync(path.join(cwd, 'node_modules', '.cache', 'commonplace'))).toBe(true);
    expect(build(cwd, ['--out', 'warm']).code).toBe(0);
    expect(snapshot(path.join(cwd, 'warm'))).toEqual(snapshot(path.join(cwd, 'cold')));
  });

  it('should skip a build when nothing changed, and rebuild after a note, an output or the flags change', () => {
    const cwd = tempDir();
    cpSync(GOOD, path.join(cwd, 'library'), { recursive: true });
    mkdirSync(path.join(cwd, 'node_modules'));
    expect(build(cwd, []).stdout).toMatch(/^Built /m);
    const before = snapshot(path.join(cwd, 'dist'));
    expect(build(cwd, []).stdout).toMatch(/^Up to date: nothing changed since the last build; dist left as it is/m);
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(before);

    writeFileSync(path.join(cwd, 'dist', 'index.json'), '{}\n');
    expect(build(cwd, []).stdout).toMatch(/^Built /m);
    expect(snapshot(path.join(cwd, 'dist'))).toEqual(before);

    const note = path.join(cwd, 'library', 'choose-boring-technology.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('\n\n## Central argument', ' One more sentence.\n\n## Central argument'));
    expect(build(cwd, []).stdout).toMatch(/^Built /m);
    expect(readFileSync(path.join(cwd, 'dist', 'handbook.md'), 'utf8')).toContain('One more sentence.');
    expect(build(cwd, [], { SOURCE_DATE_EPOCH: '1700000000' }).stdout).toMatch(/^Built /m);
    expect(build(cwd, ['--no-cache']).stdout).toMatch(/^Built /m);
  }, 90_000); // a hang guard for six builds on a loaded machine, not a speed target

  it('should build an empty library into a valid, empty handbook with a notice', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'library'));
    const { code, stdout } = build(cwd, ['--no-cache']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Notice: library has no notes yet/);
    const index = JSON.parse(readFileSync(path.join(cwd, 'dist', 'index.json'), 'utf8')) as { notes: unknown[] };
    expect(index.notes).toEqual([]);
  });

  it('should exit 2 with a message for a missing library folder or an unknown flag', () => {
    const cwd = tempDir();
    const missing = build(cwd, ['--library', 'nowhere']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/library folder not found: nowhere/);
    const flag = build(cwd, ['--frobnicate']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/frobnicate/);
  });

  it('should exit 2 naming the key for an invalid commonplace.config.json', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'library'));
    writeFileSync(path.join(cwd, 'commonplace.config.json'), JSON.stringify({ minSectionWords: 'many' }));
    const { code, stderr } = build(cwd, []);
    expect(code).toBe(2);
    expect(stderr).toMatch(/minSectionWords: expected a non-negative integer/);
  });
});
