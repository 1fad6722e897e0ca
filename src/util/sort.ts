/**
 * Code-point ordering for everything that reaches an output. Never
 * `localeCompare`: its result depends on the machine's ICU data and `LANG`.
 */
export function compareCodePoints(a: string, b: string): number {
  // JS string comparison is by UTF-16 code unit; that differs from code-point
  // order only for astral characters vs U+E000–U+FFFF, so compare those exactly.
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Sorts a copy by the keys in order, each compared by code point (strings) or numerically. */
export function sortBy<T>(items: readonly T[], ...keys: ((item: T) => string | number)[]): T[] {
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareCodePoints(String(x), String(y));
      if (order !== 0) return order;
    }
    return 0;
  });
}
