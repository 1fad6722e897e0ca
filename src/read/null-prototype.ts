/**
 * Front-matter data and field maps are null-prototype objects, so a key like
 * `__proto__` or `constructor` is only a key. A structured clone (a note from
 * a parse worker) or v8 deserialisation (a note from the cache) gives them
 * `Object.prototype` back; whoever does that restores them with
 * `withNullPrototypes`.
 */
import type { Frontmatter } from '../types.js';

/** Defines an own, enumerable property, so `__proto__` is a key like any other. */
export function defineKey<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Re-applies null prototypes to data that crossed a structured clone or JSON (which make ordinary objects). */
export function nullPrototypeDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullPrototypeDeep);
  if (value !== null && typeof value === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    // A plain assignment is safe here: with no prototype there is no `__proto__` setter, so every key becomes an own
    // property (and it is several times faster than defineProperty, which a warm run's 10,000 front matters felt).
    for (const key of Object.keys(value)) out[key] = nullPrototypeDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The front matter with its data and field maps null-prototype again (a new object; null stays null). */
export function withNullPrototypes(frontmatter: Frontmatter | null): Frontmatter | null {
  if (!frontmatter) return frontmatter;
  return {
    ...frontmatter,
    data: frontmatter.data === null ? null : (nullPrototypeDeep(frontmatter.data) as Record<string, unknown>),
    fields: nullPrototypeDeep(frontmatter.fields) as Frontmatter['fields'],
  };
}
