/**
 * The site's search index: the BM25 index `commonplace search` ranks with
 * (bm25-index.ts over each note's term bag, the ranker's k1, b and postings
 * limit), cut into shards by the first two characters of each stem, each
 * shard a script that registers itself: pages load shards with <script> tags
 * on demand, since fetch() does not work from file://. A query costs the
 * shards of its terms plus the documents table, not the whole index.
 *
 * Scores are summed in the CLI's order (query terms in order, postings
 * heaviest first) from the same float weights, rounded to 4 decimals and tied
 * by note id, so the site ranks exactly as the CLI does (tested in Chromium).
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

/** Where the shards and the documents table live, from the site root. */
export const SEARCH_DIR = 'search';

/** The shard a stem is in: its first two code points, as lowercase hex joined by `-` (safe as a file name). */
export function shardKey(stem: string): string {
  return [...stem].slice(0, 2).map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** A script that hands `value` to the page's loader: `__commonplaceSearch(kind, key, value)`. */
const register = (kind: string, key: string, value: unknown): string =>
  `__commonplaceSearch(${JSON.stringify(kind)},${JSON.stringify(key)},${JSON.stringify(value).replace(/</g, '\\u003c')});\n`;

/** The search files as [path from the site root, text], in a fixed order: documents, then shards by key. */
export function searchFiles(library: Library, paths: SitePaths): [string, string][] {
  const notes = sortBy(library.notes, (n) => n.note.id);
  const { k1, b, postingsLimit } = DEFAULT_RANKER_OPTIONS;
  const index = buildBm25IndexFromBags(
    // Re-tokenised from the head's title, summary and sections: the term bag is a body part (NoteBody.termBag), not on the head.
    notes.map((n) => rankingTermBag(n.note)),
    k1,
    b,
  );
  const docs = notes.map((n) => [paths.essay(n.note.id)!, noteTitle(n), [n.note.meta.year ?? '', noteAuthors(n).join(', ')].filter((x) => x !== '').join(' · '), oneLine(n)]);
  // Maps and pairs, not objects: a stem can be `__proto__`.
  const shards = new Map<string, Map<string, number[]>>();
  index.termNames.forEach((term, t) => {
    const key = shardKey(term);
    const limit = postingsLimit > 0 ? Math.min(postingsLimit, index.postingDocs[t]!.length) : index.postingDocs[t]!.length;
    // [doc, weight, doc, weight, …], heaviest first, as the scorer walks them.
    const flat: number[] = [];
    for (let i = 0; i < limit; i++) flat.push(index.postingDocs[t]![i]!, index.postingWeights[t]![i]!);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = new Map()));
    shard.set(term, flat);
  });
  const files: [string, string][] = [[`${SEARCH_DIR}/docs.js`, register('docs', '', { stopwords: stopwordList(), docs })]];
  for (const key of [...shards.keys()].sort(compareCodePoints)) {
    const shard = shards.get(key)!;
    const ordered = [...shard.keys()].sort(compareCodePoints).map((term) => [term, shard.get(term)]);
    files.push([`${SEARCH_DIR}/${key}.js`, register('shard', key, ordered)]);
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
