/**
 * `dist/references.json`: one CSL-JSON item per note, for reference managers
 * (Zotero, Pandoc's citeproc). The items are also the model `references.bib`
 * is written from (bibtex.ts), so both files carry the same fields and keys.
 */
import { createHash } from 'node:crypto';
import { unlinkWikilinks } from '../read/wikilinks.js';
import type { Library, LinkedNote } from '../types.js';
import { sortBy } from '../util/sort.js';
import { noteTitle } from './chapters.js';
import { noteAuthors } from './context.js';
import { splitName, type CslName } from './csl-names.js';
import { isWebUrl } from './url.js';

/** One CSL-JSON item: the fields we write, in the order we write them. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  publisher?: string;
  'event-title'?: string;
  URL?: string;
  abstract?: string;
  note?: string;
}

/** `kind` → CSL type; any other kind is a plain "document". */
const CSL_TYPES: Record<string, string> = { essay: 'article', book: 'book', paper: 'article-journal', talk: 'speech', post: 'post-weblog' };

/** Where the venue goes for each kind: a book's is its publisher, a talk's its event, anything else's its container. */
const venueField = (kind: string): 'publisher' | 'event-title' | 'container-title' => (kind === 'book' ? 'publisher' : kind === 'talk' ? 'event-title' : 'container-title');

/**
 * A note's citation key: its id when that is already a plain key (ASCII
 * letters, digits, `_`, and `-`, `.`, `:` inside), else an ASCII form of it
 * plus 8 hex digits of its hash, so distinct ids never share a key.
 */
export function citationKey(id: string): string {
  if (/^[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_])?$/.test(id)) return id;
  const ascii = id.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return ascii === '' ? `note-${hash}` : `${ascii}-${hash}`;
}

/** One note as a CSL item (empty fields left out). */
export function cslItem(linked: LinkedNote): CslItem {
  const { meta } = linked.note;
  const kind = meta.kind.trim();
  const item: CslItem = { id: citationKey(linked.note.id), type: CSL_TYPES[kind] ?? 'document', title: noteTitle(linked) };
  const authors = noteAuthors(linked);
  if (authors.length > 0) item.author = authors.map(splitName);
  if (meta.year !== undefined) item.issued = { 'date-parts': [[meta.year]] };
  const venue = meta.venue?.trim();
  if (venue) item[venueField(kind)] = venue;
  const source = meta.source?.trim();
  if (source && isWebUrl(source)) item.URL = source;
  else if (source) item.note = source;
  const summary = unlinkWikilinks(linked.note.summary?.text ?? '').trim();
  if (summary) item.abstract = summary;
  return item;
}

/** Every note's item, by key (code point): an edit moves no other entry. */
export function cslItems(library: Library): CslItem[] {
  return sortBy(library.notes.map(cslItem), (item) => item.id);
}

/** `references.json` in pieces (one item each): a JSON array of CSL items, 2-space indented. */
export function* cslJsonChunks(library: Library): Generator<string> {
  const items = cslItems(library);
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  for (const [i, item] of items.entries()) {
    const json = JSON.stringify(item, null, 2).replace(/\n/g, '\n  ');
    yield `${i === 0 ? '[\n  ' : ',\n  '}${json}`;
  }
  yield '\n]\n';
}
