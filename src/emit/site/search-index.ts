/**
 * The site's search index: the BM25 index `commonplace search` ranks with
 * (bm25-index.ts over each note's term bag, the ranker's k1, b and postings
 * limit), in small scripts that register themselves: pages load them with
 * <script> tags on demand, since fetch() does not work from file://.
 *
 * - `search/meta.js`: stop words, the number of documents, the documents per
 *   chunk and the split prefixes (below). A few KB.
 * - `search/terms/<key>.js`: the postings of the stems starting with `key`.
 *   A key is a stem's first two code points, or more where a shard would pass
 *   SHARD_BYTES (the prefix is then listed as split, and its stems go one
 *   code point deeper), so a shard stays small however large the library and
 *   the stems typed one letter at a time mostly stay in one shard.
 * - `search/docs/<n>.js`: title, path, year and authors, and one line for
 *   DOCS_PER_CHUNK documents; a query loads the chunks of the hits it shows.
 *
 * A query costs meta.js, one shard per distinct key and one chunk per shown
 * hit at most, never the whole index. Scores are summed in the CLI's order
 * (query terms in order, postings heaviest first) from the same float
 * weights, rounded to 4 decimals and tied by note id, so the site ranks
 * exactly as the CLI does (tested in Chromium).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Library } from '../../types.js';
import { buildBm25IndexFromBags } from '../../link/text/bm25-index.js';
import { rankingTermBag } from '../../read/ranking-text.js';
import { DEFAULT_RANKER_OPTIONS } from '../../link/text/ranker.js';
import { stopwordList } from '../../link/text/stopwords.js';
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { noteTitle } from '../chapters.js';
import { noteAuthors } from '../context.js';
import { oneLine } from './pages.js';
import type { SitePaths } from './paths.js';

/** Where the search files live, from the site root. */
export const SEARCH_DIR = 'search';

/** Documents per `docs/<n>.js` chunk (~7 KB each with a one-line summary). */
export const DOCS_PER_CHUNK = 32;

/** A prefix whose shard would be larger than this (bytes of JSON) is split one code point deeper. */
export const SHARD_BYTES = 24 * 1024;

/** Longest prefix a shard key gets: past it, one shard holds whatever it holds. */
const MAX_KEY = 6;

/** A shard key as a file name: its code points as lowercase hex joined by `-`. */
export function keyName(key: string): string {
  return [...key].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** The shard a stem is in: its shortest prefix of two or more code points that is not split (or the whole stem). */
export function shardKey(stem: string, split: ReadonlySet<string>): string {
  const chars = [...stem];
  let length = Math.min(2, chars.length);
  while (length < chars.length && split.has(chars.slice(0, length).join(''))) length++;
  return chars.slice(0, length).join('');
}

/** A script that hands `value` to the page's loader: `__commonplaceSearch(kind, key, value)`. */
const register = (kind: string, key: string, value: unknown): string =>
  `__commonplaceSearch(${JSON.stringify(kind)},${JSON.stringify(key)},${JSON.stringify(value).replace(/</g, '\\u003c')});\n`;

/**
 * The prefixes to split: starting from two code points, any prefix whose
 * stems' postings together pass SHARD_BYTES, and no stem ends at it alone.
 */
export function splitPrefixes(terms: readonly [string, number][]): Set<string> {
  const split = new Set<string>();
  for (let depth = 2; depth < MAX_KEY; depth++) {
    const sizes = new Map<string, number>();
    for (const [term, bytes] of terms) {
      const key = shardKey(term, split);
      if ([...key].length === depth) sizes.set(key, (sizes.get(key) ?? 0) + bytes);
    }
    let grew = false;
    for (const [key, bytes] of sizes) {
      if (bytes > SHARD_BYTES) {
        split.add(key);
        grew = true;
      }
    }
    if (!grew) break;
  }
  return split;
}

/** The search files as [path from the site root, text], in a fixed order: meta, shards by key, document chunks. */
export function searchFiles(library: Library, paths: SitePaths): [string, string][] {
  const notes = sortBy(library.notes, (n) => n.note.id);
  const { k1, b, postingsLimit } = DEFAULT_RANKER_OPTIONS;
  const index = buildBm25IndexFromBags(
    // Re-tokenised from the head's title, summary and sections: the term bag is a body part (NoteBody.termBag), not on the head.
    notes.map((n) => rankingTermBag(n.note)),
    k1,
    b,
  );
  // Each term's postings, [doc, weight, doc, weight, …], heaviest first, as the scorer walks them.
  const postings: [string, number[]][] = index.termNames.map((term, t) => {
    const limit = postingsLimit > 0 ? Math.min(postingsLimit, index.postingDocs[t]!.length) : index.postingDocs[t]!.length;
    const flat: number[] = [];
    for (let i = 0; i < limit; i++) flat.push(index.postingDocs[t]![i]!, index.postingWeights[t]![i]!);
    return [term, flat];
  });
  const split = splitPrefixes(postings.map(([term, flat]) => [term, term.length + JSON.stringify(flat).length + 6]));
  // Maps and pairs, not objects: a stem can be `__proto__`.
  const shards = new Map<string, [string, number[]][]>();
  for (const entry of postings) {
    const key = shardKey(entry[0], split);
    const shard = shards.get(key);
    if (shard) shard.push(entry);
    else shards.set(key, [entry]);
  }
  const meta = { stopwords: stopwordList(), docs: notes.length, chunk: DOCS_PER_CHUNK, split: [...split].sort(compareCodePoints) };
  const files: [string, string][] = [[`${SEARCH_DIR}/meta.js`, register('meta', '', meta)]];
  for (const key of [...shards.keys()].sort(compareCodePoints)) {
    const ordered = sortBy(shards.get(key)!, ([term]) => term);
    files.push([`${SEARCH_DIR}/terms/${keyName(key)}.js`, register('shard', key, ordered)]);
  }
  for (let start = 0; start < notes.length; start += DOCS_PER_CHUNK) {
    const docs = notes.slice(start, start + DOCS_PER_CHUNK).map((n) => [paths.essay(n.note.id)!, noteTitle(n), [n.note.meta.year ?? '', noteAuthors(n).join(', ')].filter((x) => x !== '').join(' · '), oneLine(n)]);
    files.push([`${SEARCH_DIR}/docs/${start / DOCS_PER_CHUNK}.js`, register('docs', String(start / DOCS_PER_CHUNK), docs)]);
  }
  return files;
}

/** The `stemmer` package (Porter, as the CLI uses) as a classic script defining `window.stemmer`. */
export function stemmerScript(): string {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('stemmer'), 'utf8');
  if (!/^export function stemmer\(/m.test(source) || /^(import|export) (?!function stemmer\()/m.test(source)) {
    throw new Error('stemmer: unexpected module shape; the site search needs its single `export function stemmer`');
  }
  return `// The stemmer package (MIT), as the CLI uses it.\n(function () {\n${source.replace(/^export function stemmer\(/m, 'function stemmer(')}\nwindow.stemmer = stemmer;\n})();\n`;
}
