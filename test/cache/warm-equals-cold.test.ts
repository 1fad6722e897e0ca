/**
 * The incremental engine's contract, as a property: after any sequence of
 * edits, additions, deletions and renames, a warm build (through the cache,
 * the build manifest and the emit memo, into a folder it built before)
 * writes exactly the files a cold build (`--no-cache`, into a fresh folder)
 * writes, byte for byte, every output that needs no browser.
 *
 * Seeded and bounded (COMMONPLACE_PROPERTY_STEPS steps, default 12, on a
 * small generated library); `COMMONPLACE_PROPERTY_STEPS=300
 * COMMONPLACE_PROPERTY_SEED=other npx vitest run test/cache/warm-equals-cold.test.ts`
 * runs a longer one. A failure names the seed, the step and the operations.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/api.js';
import { generateCorpus } from '../../scripts/gen-corpus.js';

const STEPS = Number(process.env.COMMONPLACE_PROPERTY_STEPS ?? 12);
const SEED = process.env.COMMONPLACE_PROPERTY_SEED ?? 'warm-equals-cold';

/** mulberry32 over a string seed: the same operations on every machine. */
function prng(seed: string): () => number {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let project: string;
let library: string;
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'cp-warm-cold-'));
  library = path.join(project, 'library');
  // A project of its own: the cache lives in its node_modules/.cache/commonplace, as for a user.
  writeFileSync(path.join(project, 'package.json'), '{ "name": "warm-equals-cold", "private": true }\n');
  // Deleting or retitling a note leaves links to it unresolved: a warning here, so every step builds.
  writeFileSync(path.join(project, 'commonplace.config.json'), `${JSON.stringify({ library: 'library', rules: { 'wikilink-unresolved': 'warning', 'link-missing-note': 'warning', 'wikilink-heading': 'warning' } })}\n`);
  generateCorpus({ out: library, count: 10, seed: SEED, words: 160 });
  // Ten seconds on at each step, so files count as settled and warm runs take the file-stamp path too (src/read/index.ts).
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
  rmSync(project, { recursive: true, force: true });
});

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]));
}

const notes = (): string[] => readdirSync(library).filter((f) => f.endsWith('.md')).sort();
const titleOf = (file: string): string => /^title: (.*)$/m.exec(readFileSync(path.join(library, file), 'utf8'))?.[1] ?? file;

/** One random change to the library, described in a line. */
function change(random: () => number, step: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const files = notes();
  const file = pick(files);
  const at = path.join(library, file);
  const text = readFileSync(at, 'utf8');
  const other = titleOf(pick(files));
  const roll = random();
  if (roll < 0.3) {
    const sentence = pick([
      `A later thought ${step} ties this to ${other} and to deliberate practice.`,
      `See also [[${other}]] for the counter-argument (${step}).`,
      `Step ${step} notes that spaced repetition and queueing law meet here.`,
    ]);
    writeFileSync(at, `${text.trimEnd()}\n\n${sentence}\n`);
    return `edit the body of ${file}`;
  }
  if (roll < 0.45) {
    writeFileSync(at, text.replace(/^title: .*$/m, `title: Retitled Note ${step}`));
    return `retitle ${file}`;
  }
  if (roll < 0.55) {
    writeFileSync(at, text.replace(/^tags:\n/m, `tags:\n  - extra-${step % 3}\n`));
    return `tag ${file}`;
  }
  if (roll < 0.7) {
    const name = `added-${step}.md`;
    const source = text.replace(/^title: .*$/m, `title: Added Note ${step}`).replace(/^source: .*$/m, `source: https://example.org/added-${step}`);
    writeFileSync(path.join(library, name), source);
    return `add ${name} (from ${file})`;
  }
  if (roll < 0.82 && files.length > 4) {
    rmSync(at);
    return `delete ${file}`;
  }
  if (roll < 0.95) {
    const name = `renamed-${step}.md`;
    renameSync(at, path.join(library, name));
    return `rename ${file} to ${name}`;
  }
  return 'change nothing';
}

describe('a warm build after random changes', () => {
  it(`should write exactly what a cold build writes, at each of ${STEPS} steps`, async () => {
    const random = prng(SEED);
    const done: string[] = [];
    const warm = path.join(project, 'dist-warm');
    for (let step = 0; step <= STEPS; step++) {
      if (step > 0) done.push(change(random, step));
      vi.setSystemTime(Date.now() + 10_000);
      const cold = path.join(project, `dist-cold-${step}`);
      mkdirSync(cold);
      const warmReport = await build({ cwd: project, out: warm });
      const coldReport = await build({ cwd: project, out: cold, cache: false });
      const where = `seed ${SEED}, step ${step}: ${done.join('; ')}`;
      expect(coldReport.errorCount, where).toBe(0);
      // Every finding, infos too (a skipped build reports its last one's, from the manifest).
      expect(warmReport.diagnostics, where).toEqual(coldReport.diagnostics);
      const [w, c] = [tree(warm), tree(cold)];
      expect([...w.keys()].sort(), where).toEqual([...c.keys()].sort());
      for (const [name, bytes] of c) expect(w.get(name)!.equals(bytes), `${where}: ${name}`).toBe(true);
      rmSync(cold, { recursive: true, force: true });
    }
  }, 600_000);
});
