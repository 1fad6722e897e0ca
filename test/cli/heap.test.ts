import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heapLimitFor } from '../../src/cli/heap.js';
import { workerExecArgv } from '../../src/util/worker.js';
import { copyFlat, ensureCompiled, ROOT, runCli, tempDir } from '../reliability/cli.js';

const GIB = 1024;

describe('heapLimitFor', () => {
  it('should keep the current limit for a library that fits in it', () => {
    expect(heapLimitFor(0, 4 * GIB, 24 * GIB)).toBeUndefined();
    expect(heapLimitFor(10_000, 4 * GIB, 24 * GIB)).toBeUndefined();
  });

  it('should ask for room in proportion to the notes, up to a share of the machine', () => {
    const limit = heapLimitFor(30_000, 4 * GIB, 24 * GIB)!;
    expect(limit).toBeGreaterThan(4 * GIB);
    expect(limit).toBeLessThan(heapLimitFor(60_000, 4 * GIB, 24 * GIB)!);
    const huge = heapLimitFor(100_000, 4 * GIB, 24 * GIB)!;
    expect(huge).toBeGreaterThan(10 * GIB);
    expect(huge).toBeLessThanOrEqual(0.7 * 24 * GIB);
  });

  it('should not relaunch when the machine leaves no room to grow', () => {
    expect(heapLimitFor(100_000, 4 * GIB, 4 * GIB)).toBeUndefined();
    expect(heapLimitFor(100_000, 16 * GIB, 16 * GIB)).toBeUndefined();
  });
});

describe('workerExecArgv', () => {
  it('should drop the flags a worker thread refuses and keep the rest', () => {
    expect(workerExecArgv(['--max-old-space-size=16873', '--max_semi_space_size=64', '--input-type=module', '--enable-source-maps', '--stack-size=2000'])).toEqual(['--enable-source-maps', '--stack-size=2000']);
  });
});

describe('a build in a node started with a heap limit (as the relaunch for a large library starts it)', () => {
  let scratch: string;
  beforeAll(() => {
    ensureCompiled();
    scratch = tempDir();
    copyFlat(path.join(scratch, 'library'), path.join(ROOT, 'test', 'fixtures', 'lint', 'good'));
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('should parse in worker threads and write its outputs', async () => {
    const run = await runCli(['build', '--outputs', 'markdown'], { cwd: scratch, nodeArgs: ['--max-old-space-size=1536'] });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(scratch, 'dist', 'handbook.md'), 'utf8')).toMatch(/^# /m);
  });
});
