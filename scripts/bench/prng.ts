/**
 * A small seeded PRNG for the corpus generator. Math.random cannot be seeded,
 * and the generator must write the same bytes for the same seed everywhere.
 */

/** A deterministic stream of numbers in [0, 1), plus the helpers the generator needs. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `count` distinct items of `items` (fewer if the list is shorter), in draw order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** Folds a string seed into 32 bits (FNV-1a), so `--seed docs` and `--seed 42` both work. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for text generation (not for cryptography). */
export function createRandom(seed: string): Random {
  let state = hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const i = Math.floor(next() * pool.length);
      out.push(pool[i] as T);
      pool.splice(i, 1);
    }
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, sample };
}
