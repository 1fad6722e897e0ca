import { describe, expect, it } from 'vitest';
import { heapLimitFor } from '../../src/cli/heap.js';

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
