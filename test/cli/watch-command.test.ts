import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureCompiled, ROOT } from '../reliability/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});
beforeAll(() => ensureCompiled(), 120_000);

/** A copy of the bundled library in a temp folder (the cwd of the watched command). */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-watch-'));
  cpSync(path.join(ROOT, 'library'), path.join(dir, 'library'), { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts `commonplace <args>` and collects its output; `until` waits for a pattern to appear n times. */
function start(cwd: string, args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  cleanups.push(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = async (pattern: RegExp, times = 1): Promise<void> => {
    const deadline = Date.now() + 60_000;
    while ((output.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length < times) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, until, exited, output: () => output };
}

describe('build --watch', () => {
  it('should rebuild after a note is saved, and exit 0 on SIGINT', async () => {
    const cwd = project();
    const run = start(cwd, ['build', '--watch', '--no-cache']);
    await run.until(/Watching /);
    expect(run.output()).toMatch(/^Built 14 notes/m);
    const note = path.join(cwd, 'library', 'how-do-committees-invent.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace('\n\n## Central argument', ' Revised while watching.\n\n## Central argument'));
    await run.until(/^Built 14 notes/m, 2);
    expect(run.output()).toMatch(/how-do-committees-invent\.md changed/);
    expect(readFileSync(path.join(cwd, 'dist', 'handbook.md'), 'utf8')).toContain('Revised while watching.');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 150_000);
});

describe('lint --watch', () => {
  it('should report a problem introduced after start, then its fix', async () => {
    const cwd = project();
    const run = start(cwd, ['lint', '--watch']);
    await run.until(/Watching /);
    const note = path.join(cwd, 'library', 'choose-boring-technology.md');
    const good = readFileSync(note, 'utf8');
    writeFileSync(note, good.replace('## Critique', '## Critique?'));
    await run.until(/section-required/);
    writeFileSync(note, good);
    await run.until(/changed/, 2);
    // The run after the fix reports (suggestions at most) and no error.
    await run.until(/problems? \(/, 3);
    const afterFix = run.output().slice(run.output().lastIndexOf('changed'));
    expect(afterFix).not.toMatch(/section-required|\d+:\d+\s+error/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 150_000);
});
