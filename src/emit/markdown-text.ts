/**
 * A faster, output-identical `text` handler for remark-stringify.
 *
 * mdast-util-to-markdown's `safe()` runs every `unsafe` pattern (91 with
 * remark-gfm) as a regular expression over each text node, and the phrasing
 * serialiser calls it twice per text node (once to peek at its first
 * character). Profiling the handbook put most of its Markdown time there.
 *
 * Every compiled pattern contains its `character` literally, so a pattern
 * whose character occurs nowhere in `before + value + after` (the exact
 * string `safe()` scans) cannot match. This handler hands `safe()` only the
 * patterns whose character does occur (same order, same objects), then calls
 * it as the default handler does: the escapes it finds are the same, so the
 * output is byte-identical, with typical prose needing ~15 patterns, not 91.
 */
import type { Text } from 'mdast';
import type { Options } from 'remark-stringify';

type Handlers = NonNullable<Options['handlers']>;
type TextHandler = NonNullable<Handlers['text']>;
type State = Parameters<TextHandler>[2];
type Unsafe = State['unsafe'][number];

/** Per `unsafe` list (one per stringify call): pattern subsets by the characters present. */
interface PatternIndex {
  /** Char code (< 128) → bit position in the presence key, or -1. */
  slot: Int8Array;
  /** Patterns that must always run (empty or non-ASCII character). */
  always: boolean;
  subsets: Map<string, Unsafe[]>;
  all: Unsafe[];
}

const indexes = new WeakMap<Unsafe[], PatternIndex>();

function indexOf(unsafe: Unsafe[]): PatternIndex {
  const known = indexes.get(unsafe);
  if (known) return known;
  const slot = new Int8Array(128).fill(-1);
  let next = 0;
  let always = false;
  for (const pattern of unsafe) {
    const code = pattern.character.length === 1 ? pattern.character.charCodeAt(0) : -1;
    if (code < 0 || code >= 128 || next >= 90) always = true;
    else if (slot[code] === -1) slot[code] = next++;
  }
  const index: PatternIndex = { slot, always, subsets: new Map(), all: unsafe };
  indexes.set(unsafe, index);
  return index;
}

/** The patterns whose character occurs in `scanned` (all of them when that cannot be told cheaply). */
function relevantPatterns(unsafe: Unsafe[], scanned: string): Unsafe[] {
  const index = indexOf(unsafe);
  if (index.always) return unsafe;
  // Presence of up to 90 distinct characters as three 30-bit masks.
  let low = 0;
  let mid = 0;
  let high = 0;
  const { slot } = index;
  for (let i = 0; i < scanned.length; i++) {
    const code = scanned.charCodeAt(i);
    if (code >= 128) continue;
    const bit = slot[code]!;
    if (bit < 0) continue;
    if (bit < 30) low |= 1 << bit;
    else if (bit < 60) mid |= 1 << (bit - 30);
    else high |= 1 << (bit - 60);
  }
  const key = `${low},${mid},${high}`;
  let subset = index.subsets.get(key);
  if (!subset) {
    const present = (code: number): boolean => {
      const bit = slot[code]!;
      if (bit < 0) return false;
      const mask = bit < 30 ? low : bit < 60 ? mid : high;
      return (mask & (1 << bit % 30)) !== 0;
    };
    // An `atBreak` pattern compiles to `([\r\n][\t ]*…)<character>` (unless it is bound to `beforeNode`): it needs a line ending too.
    const lineEnding = present(10) || present(13);
    subset = unsafe.filter((pattern) => present(pattern.character.charCodeAt(0)) && (lineEnding || !pattern.atBreak || Boolean(pattern.beforeNode)));
    index.subsets.set(key, subset);
  }
  return subset;
}

/** As the default `text` handler, with only the patterns that can match (see the module comment). */
const escapeText: TextHandler = (node: Text, parent, state, info) => {
  // As the default handler: the neighbours let `safe()` judge node-bound patterns.
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  const saved = state.unsafe;
  state.unsafe = relevantPatterns(saved, (info.before || '') + node.value + (info.after || ''));
  try {
    return state.safe(node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
  } finally {
    state.unsafe = saved;
  }
};

/**
 * The phrasing serialiser only needs the first character of the next text
 * node (its `after` context) and would otherwise escape the whole node to get
 * it. `safe()` leaves a character unchanged unless a pattern matched at its
 * position, and a pattern only matches at its own character: so when the
 * first character is no pattern character, the output starts with it.
 * Otherwise the full handler decides.
 */
const peekText: TextHandler = (node: Text, parent, state, info) => {
  const first = node.value.charCodeAt(0);
  const index = indexOf(state.unsafe);
  if (!index.always && (first >= 128 || index.slot[first] === -1)) return node.value;
  return escapeText(node, parent, state, info);
};

/** Drop-in replacement for mdast-util-to-markdown's `text` handler, byte-identical output. */
export const fastText: TextHandler = Object.assign(escapeText, { peek: peekText });
