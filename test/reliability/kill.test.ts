/**
 * Kill test: a real build of a generated library is SIGKILLed the moment its
 * temp file for one output appears (an inotify watch on the output folder),
 * i.e. in the middle of writing. Every output must then be the previous
 * version or the complete new one, never a truncated file, and the next
 * build must leave no stray temp file. (The kill lands a moment after the
 * temp file appears, possibly among the final renames, so which outputs are
 * already new is not asserted.)
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.js';
import { BIN, ensureCompiled, runCli, tempDir } from './cli.js';

const OUTPUTS = ['handbook.md', 'handbook.html', 'index.json', 'index.schema.json'];
const TEMP_PREFIX = '.commonplace-tmp-';

let root: string;
let library: string;
let dist: string;

const readOutputs = (): Record<string, string> =>
  Object.fromEntries(OUTPUTS.map((name) => [name, readFileSync(path.join(dist, name), 'utf8')]));
const tempFiles = (): string[] => readdirSync(dist).filter((name) => name.startsWith(TEMP_PREFIX));

async function completeBuild(): Promise<Record<string, string>> {
  const result = await runCli(['build', '--library', 'library', '--out', 'dist'], { cwd: root });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return readOutputs();
}

/** Starts a build and SIGKILLs it as soon as a new temp file for `target` appears; resolves with what was seen. */
function buildKilledWhileWriting(target: string): Promise<{ signal: NodeJS.Signals | null; temp: string | null }> {
  const stale = new Set(tempFiles());
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '--library', 'library', '--out', 'dist'], { cwd: root, stdio: 'ignore' });
    let temp: string | null = null;
    const watcher = watch(dist, (_event, name) => {
      if (temp === null && name && name.startsWith(`${TEMP_PREFIX}${target}-`) && !stale.has(name)) {
        temp = name;
        child.kill('SIGKILL');
      }
    });
    child.on('close', (_code, signal) => {
      watcher.close();
      resolve({ signal, temp });
    });
  });
}

/** True when `text` is a whole output of its kind. */
function isWhole(name: string, text: string): boolean {
  if (name.endsWith('.json')) {
    try {
      JSON.parse(text);
      return text.endsWith('\n');
    } catch {
      return false;
    }
  }
  if (name.endsWith('.html')) return text.trimEnd().endsWith('</html>');
  return text.endsWith('\n');
}

beforeAll(async () => {
  ensureCompiled();
  root = tempDir();
  library = path.join(root, 'library');
  dist = path.join(root, 'dist');
  generateCorpus({ out: library, count: 25, seed: 'kill-test', words: 1200 });
  await completeBuild();
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a build killed with SIGKILL mid-write', () => {
  const killedMidWrite: string[] = [];

  for (const target of ['handbook.md', 'index.json']) {
    it(`should leave each output old or new and whole when killed while writing ${target}`, async () => {
      const previous = readOutputs();
      // Change one note so the new outputs differ from the previous ones.
      const note = readdirSync(library).filter((f) => f.endsWith('.md')).sort()[0]!;
      appendFileSync(path.join(library, note), `\nOne more sentence written before the ${target} kill.\n`);

      const killed = await buildKilledWhileWriting(target);
      const afterKill = readOutputs();
      if (killed.temp !== null && tempFiles().length > 0) killedMidWrite.push(target);

      const next = await completeBuild();
      expect(tempFiles()).toEqual([]);
      expect(next['handbook.md']).not.toBe(previous['handbook.md']);
      for (const name of OUTPUTS) {
        expect(isWhole(name, afterKill[name]!), `${name} is whole`).toBe(true);
        expect([previous[name], next[name]], `${name} is the old or the new version`).toContain(afterKill[name]);
      }
    }, 120_000);
  }

  it('should really have been killed in the middle of a write (a temp file was left behind)', () => {
    expect(killedMidWrite.length).toBeGreaterThan(0);
  });
});
