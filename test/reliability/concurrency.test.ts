/**
 * Builds that run at the same time into one output folder (two terminals,
 * `build --watch` beside `npm run build`, parallel CI jobs) take turns on a
 * lock: each exits 0 (or 2 with one line), the outputs are whole and from
 * one run, and a lock left by a killed process is taken over. Real
 * processes through the CLI; the lock module's own rules in-process.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, isAlive, lockFileIn } from '../../src/util/folder-lock.js';
import { BIN, diffTrees, ensureCompiled, ROOT, runCli, snapshotTree, tempDir, type CliResult } from './cli.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project holding a copy of the bundled library (lint-clean, 14 notes). */
function project(): string {
  const cwd = tempDir('commonplace-lock-');
  folders.push(cwd);
  cpSync(path.join(ROOT, 'library'), path.join(cwd, 'library'), { recursive: true });
  mkdirSync(path.join(cwd, 'node_modules'));
  return cwd;
}

/** The outputs of a cold build of the project's library, in a folder of their own. */
async function reference(cwd: string): Promise<Map<string, string>> {
  const result = await runCli(['build', '--out', 'reference', '--no-cache'], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return snapshotTree(path.join(cwd, 'reference'));
}

/** Exit 0 with waiting lines at most, or exit 2 with one line; never a stack trace. */
function expectCleanEnd(result: CliResult): void {
  expect(result.stderr, result.stderr).not.toMatch(/\n\s+at |Error:/);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  if (result.code === 2) expect(lines).toHaveLength(1);
  else {
    expect(result.code, result.stdout + result.stderr).toBe(0);
    for (const line of lines) expect(line).toMatch(/^waiting for another build of dist\/ \(pid \d+\)$/);
  }
}

/** A pid that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

beforeAll(() => ensureCompiled(), 120_000);

describe('concurrent builds into one folder', () => {
  it('should let five builds started at once each end cleanly, the outputs whole and from one run', async () => {
    const cwd = project();
    const expected = await reference(cwd);
    for (const cached of [false, true]) {
      const args = ['build', '--out', 'dist', ...(cached ? [] : ['--no-cache'])];
      const results = await Promise.all(Array.from({ length: 5 }, () => runCli(args, { cwd, timeoutMs: 240_000 })));
      results.forEach(expectCleanEnd);
      expect(results.some((r) => r.code === 0)).toBe(true);
      // At least one had to wait for another: they really ran at the same time.
      expect(results.some((r) => /waiting for another build of dist\//.test(r.stderr))).toBe(true);
      expect(diffTrees(expected, snapshotTree(path.join(cwd, 'dist')))).toEqual([]); // no lock, no temp file left
    }
  }, 300_000);

  it('should leave the outputs of exactly one of several builds that differ, never a mix', async () => {
    const cwd = project();
    // Each build dates its outputs differently (index.json, handbook.md, the e-book), so a mix of two runs would show.
    const epochs = ['1700000001', '1700000002', '1700000003', '1700000004'];
    const results = await Promise.all(
      epochs.map((epoch, i) => runCli(['build', '--out', 'dist', ...(i % 2 === 0 ? ['--no-cache'] : [])], { cwd, env: { SOURCE_DATE_EPOCH: epoch }, timeoutMs: 240_000 })),
    );
    results.forEach(expectCleanEnd);
    const index = JSON.parse(readFileSync(path.join(cwd, 'dist', 'index.json'), 'utf8')) as { generatedAt?: string };
    const winner = epochs.find((epoch) => new Date(Number(epoch) * 1000).toISOString() === index.generatedAt);
    expect(winner, index.generatedAt).toBeDefined();
    // The whole folder is that one run's: equal, file for file, to a build dated the same.
    const alone = await runCli(['build', '--out', 'alone', '--no-cache'], { cwd, env: { SOURCE_DATE_EPOCH: winner! } });
    expect(alone.code, alone.stderr).toBe(0);
    expect(diffTrees(snapshotTree(path.join(cwd, 'alone')), snapshotTree(path.join(cwd, 'dist')))).toEqual([]);
  }, 300_000);

  it('should wait for a live holder, saying whom it waits for, and go on when the holder is gone', async () => {
    const cwd = project();
    const expected = await reference(cwd);
    mkdirSync(path.join(cwd, 'dist'));
    const holder = spawn('sleep', ['60']);
    const lock = lockFileIn(path.join(cwd, 'dist'));
    writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: os.hostname(), since: Date.now() }));
    const build = runCli(['build', '--out', 'dist', '--no-cache'], { cwd });
    // Give the build time to start, find the lock, and wait on it.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(existsSync(path.join(cwd, 'dist', 'handbook.md'))).toBe(false);
    holder.kill('SIGKILL');
    const result = await build;
    expect(result.stderr).toBe(`waiting for another build of dist/ (pid ${holder.pid})\n`);
    expectCleanEnd(result);
    expect(diffTrees(expected, snapshotTree(path.join(cwd, 'dist')))).toEqual([]);
  }, 120_000);

  it('should make a lint wait for a live holder of the cache folder', async () => {
    const cwd = project();
    writeFileSync(path.join(cwd, 'package.json'), '{}\n'); // a project: its cache is node_modules/.cache/commonplace (src/cache/location.ts)
    const cacheDir = path.join(cwd, 'node_modules', '.cache', 'commonplace');
    mkdirSync(cacheDir, { recursive: true });
    const holder = spawn('sleep', ['60']);
    writeFileSync(lockFileIn(cacheDir), JSON.stringify({ pid: holder.pid, host: os.hostname(), since: Date.now() }));
    let ended = false;
    const lint = runCli(['lint'], { cwd }).then((result) => ((ended = true), result));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(ended).toBe(false);
    holder.kill('SIGKILL');
    const result = await lint;
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toBe(`waiting for another commonplace run using the cache node_modules/.cache/commonplace (pid ${holder.pid})\n`);
    expect(existsSync(lockFileIn(cacheDir))).toBe(false);
  }, 120_000);

  it.each([
    ['a dead pid', async () => JSON.stringify({ pid: await deadPid(), host: os.hostname(), since: Date.now() })],
    ['a reused pid (a process started after the lock was taken)', async () => JSON.stringify({ pid: process.pid, host: os.hostname(), since: 0 })],
    ['damaged content', async () => '{"pid": 12'],
  ])('should take over a stale lock left with %s, at once and silently', async (_what, content) => {
    const cwd = project();
    mkdirSync(path.join(cwd, 'dist'));
    writeFileSync(lockFileIn(path.join(cwd, 'dist')), await content());
    const result = await runCli(['build', '--out', 'dist', '--no-cache'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(readdirSync(path.join(cwd, 'dist')).sort()).toEqual(['handbook.epub', 'handbook.html', 'handbook.md', 'index.json', 'index.schema.json', 'references.bib', 'references.json', 'site']);
  }, 120_000);

  it('should let a build run beside build --watch, both ending with the outputs of the last library', async () => {
    const cwd = project();
    const watch = spawn(process.execPath, [BIN, 'build', '--watch'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    watch.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    watch.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const until = async (pattern: RegExp, times: number): Promise<void> => {
        for (const deadline = Date.now() + 90_000; (output.match(new RegExp(pattern.source, 'gm')) ?? []).length < times; ) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await until(/^Watching /, 1);
      const note = path.join(cwd, 'library', 'how-do-committees-invent.md');
      writeFileSync(note, readFileSync(note, 'utf8').replace('\n\n## Central argument', ' Revised beside a watcher.\n\n## Central argument'));
      // The plain build starts while the watcher picks up the change.
      const [result] = await Promise.all([runCli(['build', '--out', 'dist'], { cwd }), until(/^Built 14 notes/, 2)]);
      expectCleanEnd(result);
      expect(output).not.toMatch(/\n\s+at |Error:|commonplace build:/);
      const expected = await reference(cwd);
      expect(readFileSync(path.join(cwd, 'dist', 'handbook.md'), 'utf8')).toContain('Revised beside a watcher.');
      expect(diffTrees(expected, snapshotTree(path.join(cwd, 'dist')))).toEqual([]);
    } finally {
      watch.kill('SIGKILL');
    }
  }, 180_000);
});

describe('acquireLock', () => {
  it('should make a second taker in the same folder wait until the first releases', async () => {
    const dir = tempDir('commonplace-lockfile-');
    folders.push(dir);
    const file = lockFileIn(dir);
    const first = await acquireLock(file);
    const waited: number[] = [];
    let secondHas = false;
    const second = acquireLock(file, { pollMs: 20, onWait: (owner) => waited.push(owner.pid) }).then((lock) => ((secondHas = true), lock));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondHas).toBe(false);
    expect(waited).toEqual([process.pid]);
    first.release();
    (await second).release();
    expect(secondHas).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('should never release a lock that is no longer its own', async () => {
    const dir = tempDir('commonplace-lockfile-');
    folders.push(dir);
    const file = lockFileIn(dir);
    const lock = await acquireLock(file);
    writeFileSync(file, 'taken over by someone else');
    lock.release();
    expect(readFileSync(file, 'utf8')).toBe('taken over by someone else');
  });

  it('should tell a live owner from a gone one', async () => {
    expect(isAlive({ pid: process.pid, host: os.hostname(), since: Date.now() })).toBe(true);
    expect(isAlive({ pid: await deadPid(), host: os.hostname(), since: Date.now() })).toBe(false);
    expect(isAlive({ pid: await deadPid(), host: `not-${os.hostname()}`, since: Date.now() })).toBe(true); // cannot tell: assume alive
  });
});
