/**
 * Failures from outside the library (a full disk, a read-only folder, an
 * output folder that is a file or the library itself, a bug) reach the user
 * as one line naming the command, the path and the cause, with exit 2, and
 * leave the previous outputs as they were. The disk cases run the real CLI
 * against a tiny tmpfs, which needs root (mount); without it they are
 * skipped with the reason, and the folder cases still run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure, EnvironmentError, reportFailure } from '../../src/cli/errors.js';
import { diffTrees, ensureCompiled, ROOT, runCli, snapshotTree, tempDir } from './cli.js';

const GOOD = path.join(ROOT, 'test', 'fixtures', 'lint', 'good');
const TEMP_PREFIX = '.commonplace-tmp-';

const errno = (code: string, syscall: string, file?: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: whatever node says, ${syscall}`), { code, syscall, ...(file === undefined ? {} : { path: file }) });

/** A fresh project with the lint-clean fixture as its library; returns its folder. */
function project(): string {
  const cwd = tempDir('commonplace-errors-');
  cpSync(GOOD, path.join(cwd, 'library'), { recursive: true });
  return cwd;
}

/**
 * Asserts a run failed the way a user should see it: exit 2, one stderr line
 * (a usage error's is followed by the command's usage line), no stack.
 */
function expectOneLine(result: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('Usage: commonplace build '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('describeFailure', () => {
  const cwd = '/home/u/project';
  it('should name the command, the output a staged temp file stands for, and the cause of a full disk', () => {
    const error = errno('ENOSPC', 'write', `${cwd}/dist/${TEMP_PREFIX}handbook.html-4242-0a1b2c3d`);
    expect(describeFailure('build', error, cwd)).toBe('commonplace build: cannot write dist/handbook.html: no space left on the device (ENOSPC)');
  });
  it('should say a file is in the way when mkdir meets one', () => {
    expect(describeFailure('build', errno('EEXIST', 'mkdir', `${cwd}/out`), cwd)).toBe(
      'commonplace build: cannot create the folder out: a file is in the way, not a folder (EEXIST)',
    );
  });
  it('should show a rename by its destination and a path outside the working folder in full', () => {
    const error = Object.assign(errno('EROFS', 'rename', '/mnt/ro/x.tmp'), { dest: '/mnt/ro/index.json' });
    expect(describeFailure('build', error, cwd)).toBe('commonplace build: cannot write /mnt/ro/index.json: the file system is read-only (EROFS)');
  });
  it('should report an error without a path, and an unknown code with its own text', () => {
    expect(describeFailure('lint', errno('EIO', 'read'), cwd)).toBe('commonplace lint: failed: input/output error on the device (EIO)');
    expect(describeFailure('lint', errno('EWEIRD', 'read', `${cwd}/a.md`), cwd)).toBe(
      'commonplace lint: cannot read a.md: EWEIRD: whatever node says, read (EWEIRD)',
    );
  });
  it('should turn an internal error into one line that asks for a report', () => {
    const line = describeFailure('build', new TypeError('x is undefined\n    at f (file.js:1:1)'), cwd);
    expect(line).toBe('commonplace build: internal error: x is undefined (set DEBUG=commonplace to see the stack; please report it)');
    expect(describeFailure('build', 'a thrown string', cwd)).toMatch(/^commonplace build: internal error: a thrown string /);
  });
  it('should print an EnvironmentError as it is', () => {
    expect(describeFailure('build', new EnvironmentError('another build holds dist'), cwd)).toBe('commonplace build: another build holds dist');
  });
  it('should show the stack only when DEBUG names commonplace', () => {
    const run = (env: NodeJS.ProcessEnv): string => {
      let text = '';
      const stderr = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
      expect(reportFailure('build', new Error('boom'), { cwd, env, stderr })).toBe(2);
      return text;
    };
    expect(run({}).split('\n').filter(Boolean)).toHaveLength(1);
    expect(run({ DEBUG: 'other' }).split('\n').filter(Boolean)).toHaveLength(1);
    expect(run({ DEBUG: 'other,commonplace' })).toMatch(/\n\s+at /);
    expect(run({ DEBUG: '*' })).toMatch(/\n\s+at /);
  });
});

describe('build refuses an output folder that cannot hold the outputs', () => {
  const folders: string[] = [];
  beforeAll(() => ensureCompiled(), 120_000);
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('should refuse --out naming a regular file, and leave the file alone', async () => {
    const cwd = project();
    folders.push(cwd);
    writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n');
    const before = snapshotTree(cwd);
    expectOneLine(await runCli(['build', '--out', 'notes.txt'], { cwd }), /^commonplace build: --out notes\.txt is a file, not a folder/);
    expect(diffTrees(before, snapshotTree(cwd))).toEqual([]);
  });

  it.each([
    ['library', /is the library folder/],
    ['library/sub', /is inside the library folder library/],
    ['.', /holds the library folder library/],
  ])('should refuse --out %s before writing anything', async (out, why) => {
    const cwd = project();
    folders.push(cwd);
    const before = snapshotTree(cwd);
    expectOneLine(await runCli(['build', '--out', out, '--no-cache'], { cwd }), new RegExp(`^commonplace build: --out ${out.replace('.', '\\.')} ${why.source}`));
    expect(diffTrees(before, snapshotTree(cwd))).toEqual([]);
  });

  it('should refuse "out" in the config that is the library, through a symlink too', async () => {
    const cwd = project();
    folders.push(cwd);
    execFileSync('ln', ['-s', 'library', path.join(cwd, 'alias')]);
    writeFileSync(path.join(cwd, 'commonplace.config.json'), '{"out": "alias"}\n');
    const before = snapshotTree(cwd);
    expectOneLine(await runCli(['build', '--no-cache'], { cwd }), /^commonplace build: "out" in commonplace\.config\.json \(alias\) is the library folder/);
    expect(diffTrees(before, snapshotTree(cwd))).toEqual([]);
  });

  it('should report an output folder below a file as one line (the same as a read-only folder, for non-root runs)', async () => {
    const cwd = project();
    folders.push(cwd);
    writeFileSync(path.join(cwd, 'plain'), 'x');
    expectOneLine(await runCli(['build', '--out', 'plain/dist', '--no-cache'], { cwd }), /^commonplace build: cannot create the folder plain(\/dist)?: .*\((ENOTDIR|EEXIST)\)$/);
  });
});

/** Mounts a tmpfs of `size` at `dir`; the reason it cannot, or null. */
function mountTmpfs(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs (needs root): ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
}

const probe = tempDir('commonplace-mount-probe-');
const cannotMount = mountTmpfs(probe, '64k');
if (cannotMount === null) execFileSync('umount', [probe]);
rmSync(probe, { recursive: true, force: true });
if (cannotMount !== null) console.warn(`skipping the full-disk and read-only tests: ${cannotMount}`);

describe.skipIf(cannotMount !== null)('build on a full or read-only disk (an 8 MB tmpfs: room for the outputs, site and e-book included, twice: staged beside the old)', () => {
  let cwd: string;
  let disk: string;
  beforeAll(() => {
    ensureCompiled();
    cwd = project();
    disk = path.join(cwd, 'disk');
    execFileSync('mkdir', [disk]);
    expect(mountTmpfs(disk, '8m')).toBeNull();
  }, 120_000);
  afterAll(() => {
    execFileSync('umount', [disk]);
    rmSync(cwd, { recursive: true, force: true });
  });

  const outputs = (): Map<string, string> => snapshotTree(path.join(disk, 'dist'));

  it('should fail a build that fills the disk with one line and exit 2, keep the old outputs and the cache usable', async () => {
    const again = await runCli(['build', '--out', 'disk/dist'], { cwd });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const before = outputs();
    // Fill the disk to the last block but 16 KB (room for the build's lock file, not for its outputs),
    // then change a note so the build must write.
    writeFileSync(path.join(disk, 'spare'), Buffer.alloc(16 * 1024));
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(disk, 'fill')}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd stops with "no space left", as meant
    }
    rmSync(path.join(disk, 'spare'));
    appendFileSync(path.join(cwd, 'library', 'bom-note.md'), '\nOne more sentence about the topic.\n');
    const full = await runCli(['build', '--out', 'disk/dist'], { cwd });
    expectOneLine(full, /^commonplace build: cannot write disk\/dist\/[\w./-]+: no space left on the device \(ENOSPC\)$/);
    expect(diffTrees(before, outputs())).toEqual([]);
    expect(readdirSync(path.join(disk, 'dist')).filter((name) => name.startsWith(TEMP_PREFIX))).toEqual([]);

    const debug = await runCli(['build', '--out', 'disk/dist'], { cwd, env: { DEBUG: 'commonplace' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/ENOSPC[\s\S]*\n\s+at /);

    // With room again, the (warm) build writes what a cold build writes.
    rmSync(path.join(disk, 'fill'));
    const roomy = await runCli(['build', '--out', 'disk/dist'], { cwd });
    expect(roomy.code, roomy.stdout + roomy.stderr).toBe(0);
    expect((await runCli(['build', '--out', 'cold', '--no-cache'], { cwd })).code).toBe(0);
    expect(diffTrees(snapshotTree(path.join(cwd, 'cold')), outputs())).toEqual([]);
  });

  it('should fail on a read-only file system with one line and exit 2, and keep the old outputs', async () => {
    const again = await runCli(['build', '--out', 'disk/dist'], { cwd });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const before = outputs();
    appendFileSync(path.join(cwd, 'library', 'bom-note.md'), '\nAnd a second one.\n');
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    try {
      // The first write is the lock file in the output folder.
      expectOneLine(await runCli(['build', '--out', 'disk/dist'], { cwd }), /^commonplace build: cannot write disk\/dist\/\.commonplace-lock: the file system is read-only \(EROFS\)$/);
      expectOneLine(await runCli(['build', '--out', 'disk/new'], { cwd }), /^commonplace build: cannot create the folder disk\/new: the file system is read-only \(EROFS\)$/);
      expect(diffTrees(before, outputs())).toEqual([]);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk]);
    }
  });
});
