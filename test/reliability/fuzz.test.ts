/**
 * The CI slice of scripts/fuzz.ts: a fixed seed, a few thousand mutated real
 * notes at most, stopped after a time limit (the same cases in the same
 * order every run, so a finding replays with `--seed ci --case K`).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { isReadFailure } from '../../src/read/index.js';
import { parseNote } from '../../src/read/parse.js';
import { fuzz, makeCase, seedNotes } from '../../scripts/fuzz.js';

describe('seeded mutation fuzzing (CI slice)', () => {
  it('should make the same cases from the same seed, and real damage: read failures and hostile fragments', () => {
    const seeds = seedNotes();
    expect(Buffer.from(makeCase('ci', 7, seeds)).equals(Buffer.from(makeCase('ci', 7, seeds)))).toBe(true);
    const cases = Array.from({ length: 200 }, (_, i) => makeCase('ci', i, seeds));
    const failures = cases.filter((bytes) => isReadFailure(parseNote({ path: 'x.md', bytes }, defaultConfig))).length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(190);
    const text = cases.map((bytes) => Buffer.from(bytes).toString('latin1'));
    expect(text.filter((t) => /<script|javascript:|---js|\[\^/i.test(t)).length).toBeGreaterThan(20);
  });

  it('should find no throw, internal error, unsafe HTML or broken index in the first cases of seed "ci"', () => {
    const { findings, ran } = fuzz({ seed: 'ci', count: 3000, timeLimit: 30, batch: 50 });
    expect(findings.map((f) => `cases ${f.cases[0]}..${f.cases.at(-1)} [${f.stage}] ${f.detail}`)).toEqual([]);
    expect(ran).toBeGreaterThanOrEqual(200);
  }, 120_000);
});
