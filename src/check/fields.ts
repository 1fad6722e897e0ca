/** The front-matter fields Commonplace knows, in their canonical order. */

/** Known fields in canonical order (the key-order rule and its fix follow this). */
export const FIELD_ORDER = ['title', 'author', 'year', 'source', 'venue', 'kind', 'tags', 'concepts', 'aliases', 'relations'] as const;

/** The values `kind` may take (`essay` when absent). */
export const KINDS = ['essay', 'book', 'paper', 'talk', 'post'] as const;

/** True when `key` is a field Commonplace knows. */
export const isKnownField = (key: string): boolean => (FIELD_ORDER as readonly string[]).includes(key);
