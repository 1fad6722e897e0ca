import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { isReadFailure } from '../../src/read/parse.js';
import { parseInPool, poolSize, starved } from '../../src/read/pool.js';
import { fixture } from './helpers.js';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * cmark's pathological inputs (test/pathological_tests.py), at 1/30 of
 * cmark's sizes so the suite stays quick; micromark is quadratic on many.
 */
const N = 1000;
const pathological: Record<string, string> = {
  'nested strong emph': '*a **a '.repeat(65) + 'b' + ' a** a*'.repeat(65),
  'many emph closers with no openers': 'a_ '.repeat(N),
  'many emph openers with no closers': '_a '.repeat(N),
  'many link closers with no openers': 'a]'.repeat(N),
  'many link openers with no closers': '[a'.repeat(N),
  'mismatched openers and closers': '*a_ '.repeat(N),
  'openers and closers multiple of 3': 'a**b' + 'c* '.repeat(N),
  'link openers and emph closers': '[ a_'.repeat(N),
  'pattern [ (]( repeated': '[ (]('.repeat(N),
  'nested brackets': '['.repeat(N) + 'a' + ']'.repeat(N),
  'nested block quotes': '> '.repeat(N) + 'a',
  'deeply nested lists': Array.from({ length: 150 }, (_, i) => '  '.repeat(i) + '* a\n').join(''),
  backticks: Array.from({ length: 300 }, (_, i) => 'e' + '`'.repeat(i + 1)).join(''),
  'unclosed links A': '[a](<b'.repeat(N),
  'unclosed links B': '[a](b'.repeat(N),
  'unclosed html comments': '</' + '<!--'.repeat(N),
  'many references': Array.from({ length: N }, (_, i) => `[${i}]: u\n`).join('') + '[0]',
};

describe('parseInPool', () => {
  it('should size the pool by notes, at least 1, at most the cores', () => {
    expect(poolSize(0)).toBe(1);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(51)).toBe(Math.min(2, availableParallelism()));
    expect(poolSize(100_000)).toBe(availableParallelism());
  });

  it('should stop a runaway parse (*_ x 20000), fail that note alone and go on with a fresh worker', async () => {
    const config = { ...defaultConfig, parseTimeoutMs: 500 };
    const started = performance.now();
    const results = await parseInPool(
      [
        { path: 'star.md', bytes: encode('*_'.repeat(20_000) + 'x') },
        { path: 'good.md', bytes: fixture('notes/good.md') },
        { path: 'after.md', bytes: encode('# After\n\nStill read.\n') },
      ],
      config,
      1,
    );
    // A hang guard, not a speed claim (a starved process extends the budget up to four times);
    // the timeout below, not the time, shows the parse was stopped: micromark would parse it.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(results[0]).toEqual({
      path: 'star.md',
      diagnostic: {
        ruleId: 'file-parse-timeout',
        severity: 'error',
        message: 'took longer than 500 ms to parse; simplify the Markdown (long runs of * and _ or deeply nested lists and quotes are the usual causes)',
        file: 'star.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      },
    });
    expect(isReadFailure(results[1]!) ? null : results[1]!.note.meta.year).toBe(2009);
    expect(isReadFailure(results[2]!) ? null : results[2]!.note.sections[0]?.heading).toBe('After');
  }, 90_000);

  it('should pass or fail each of the cmark pathological inputs cleanly within budget', async () => {
    const config = { ...defaultConfig, parseTimeoutMs: 1000 };
    const names = Object.keys(pathological);
    const started = performance.now();
    const results = await parseInPool(
      names.map((name) => ({ path: `${name}.md`, bytes: encode(pathological[name]!) })),
      config,
      2,
    );
    // A hang guard, not a speed claim: each input is stopped at its timeout, so even one by one
    // (and a fresh worker each, on a loaded machine) the whole run stays within this bound.
    expect(performance.now() - started).toBeLessThan(names.length * (config.parseTimeoutMs + 10_000));
    expect(results).toHaveLength(names.length);
    results.forEach((result, i) => {
      if (isReadFailure(result)) {
        expect(result.path).toBe(`${names[i]}.md`);
        expect(['file-parse-timeout', 'file-parse-overflow']).toContain(result.diagnostic.ruleId);
      } else expect(result.note.path).toBe(`${names[i]}.md`);
    });
  }, 240_000);

  it('should keep a note whose result arrived while the main thread was busy past its budget', async () => {
    const config = { ...defaultConfig, parseTimeoutMs: 300 };
    const busy = (ms: number): void => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // Once the first note is back, the second is dispatched; the main thread then blocks for
    // three budgets, long enough for the worker to answer and for the budget's timer to be due.
    const results = await parseInPool(
      [
        { path: 'first.md', bytes: encode('# First\n\nRead first.\n') },
        { path: 'good.md', bytes: fixture('notes/good.md') },
      ],
      config,
      1,
      (_result, index) => {
        if (index === 0) setImmediate(() => busy(3 * config.parseTimeoutMs));
      },
    );
    expect(results.map((result) => (isReadFailure(result) ? result.diagnostic.ruleId : result.note.id))).toEqual(['first', 'good']);
  });

  it('should count a budget as starved only when the process used under half of it in CPU', () => {
    const since = process.cpuUsage();
    expect(starved(since, 60_000)).toBe(true);
    const until = performance.now() + 50;
    while (performance.now() < until);
    expect(starved(since, 40)).toBe(false);
  });

  it('should return plain data that survives the trip from the worker', async () => {
    const [result] = await parseInPool([{ path: 'good.md', bytes: fixture('notes/good.md') }], defaultConfig, 1);
    expect(isReadFailure(result!)).toBe(false);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ note: { id: 'good', meta: { authors: ['Paul Graham'] } }, body: { source: expect.stringContaining('Paul Graham') } });
  });
});
