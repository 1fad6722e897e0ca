import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isWatchedFile, watchLibrary, type LibraryWatcher } from '../../src/cli/watch.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const library = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cp-watch-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'first.md'), '# first\n');
  return dir;
};
const start = async (root: string, onChange: (changed: string[]) => Promise<void> | void): Promise<LibraryWatcher> => {
  const watcher = watchLibrary(root, onChange, { debounceMs: 80 });
  cleanups.push(() => watcher.close());
  await watcher.ready;
  return watcher;
};
/** Waits until `done()` holds (file events are asynchronous), failing after 5 s. */
const until = async (done: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for file events');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('watchLibrary', () => {
  it('should report a burst of saves as one sorted batch', async () => {
    const root = library();
    const calls: string[][] = [];
    await start(root, (changed) => void calls.push(changed));
    writeFileSync(path.join(root, 'zeta.md'), 'z\n');
    writeFileSync(path.join(root, 'first.md'), '# first, edited\n');
    writeFileSync(path.join(root, 'concepts.yml'), '- name: x\n  definition: y\n');
    await until(() => calls.flat().length >= 3);
    expect(calls).toEqual([['concepts.yml', 'first.md', 'zeta.md']]);
  });

  it('should ignore files that are not notes or the glossary, and hidden or underscore folders', async () => {
    const root = library();
    mkdirSync(path.join(root, '_drafts'));
    mkdirSync(path.join(root, '.git'));
    const calls: string[][] = [];
    await start(root, (changed) => void calls.push(changed));
    writeFileSync(path.join(root, 'notes.txt'), 'x');
    writeFileSync(path.join(root, '_drafts', 'draft.md'), 'x');
    writeFileSync(path.join(root, '.git', 'x.md'), 'x');
    writeFileSync(path.join(root, 'real.md'), 'x');
    await until(() => calls.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toEqual([['real.md']]);
  });

  it('should not start a run while one is in progress, and batch what arrived meanwhile', async () => {
    const root = library();
    const calls: string[][] = [];
    let active = 0;
    let overlapped = false;
    await start(root, async (changed) => {
      overlapped ||= active > 0;
      active++;
      calls.push(changed);
      if (calls.length === 1) {
        writeFileSync(path.join(root, 'during-a.md'), 'a');
        writeFileSync(path.join(root, 'during-b.md'), 'b');
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      active--;
    });
    writeFileSync(path.join(root, 'first.md'), '# edited\n');
    await until(() => calls.length >= 2);
    expect(overlapped).toBe(false);
    expect(calls).toEqual([['first.md'], ['during-a.md', 'during-b.md']]);
  });

  it('should keep watching after a callback throws', async () => {
    const root = library();
    const errors: unknown[] = [];
    const calls: string[][] = [];
    const watcher = watchLibrary(
      root,
      (changed) => {
        calls.push(changed);
        if (calls.length === 1) throw new Error('boom');
      },
      { debounceMs: 50, onError: (e) => errors.push(e) },
    );
    cleanups.push(() => watcher.close());
    await watcher.ready;
    writeFileSync(path.join(root, 'a.md'), 'a');
    await until(() => calls.length >= 1);
    writeFileSync(path.join(root, 'b.md'), 'b');
    await until(() => calls.length >= 2);
    expect(errors).toHaveLength(1);
    expect(calls[1]).toEqual(['b.md']);
  });
});

describe('isWatchedFile', () => {
  it.each([
    ['note.md', true],
    ['sub/note.md', true],
    ['concepts.yml', true],
    ['sub/concepts.yml', false],
    ['notes.txt', false],
    ['.hidden.md', false],
    ['_drafts/x.md', false],
    ['node_modules/x.md', false],
  ])('should treat %s as watched: %s', (file, expected) => {
    expect(isWatchedFile(file)).toBe(expected);
  });
});
