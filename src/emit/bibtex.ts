/**
 * `dist/references.bib`: the CSL items of csl.ts written as BibTeX entries,
 * one per note, same keys. UTF-8 text as written (biber, BibLaTeX and
 * Pandoc read it; Gödel stays Gödel); only TeX's special characters are escaped.
 */
import type { Library } from '../types.js';
import { cslItems, type CslItem } from './csl.js';
import type { CslName } from './csl-names.js';

/** TeX's special characters → their escaped forms (one pass, so an escape is never escaped again). */
const TEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value (without the outer braces): specials escaped, line breaks as spaces. */
export function texEscape(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\{}&%$#_~^]/g, (c) => TEX_ESCAPES[c]!);
}

/** A URL field is verbatim in BibLaTeX: only braces and backslashes, which would unbalance it, are percent-encoded. */
const urlValue = (url: string): string => url.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * One name as BibTeX writes it, "von Last, Jr, First": the comma form keeps a
 * many-word family name whole. A part containing the word "and" or a comma
 * is braced, so it is not read as two names or one more name part.
 */
export function bibtexName(name: CslName): string {
  const part = (text: string): string => {
    const escaped = texEscape(text);
    return /(^|\s)and(\s|$)|,/i.test(text) ? `{${escaped}}` : escaped;
  };
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).map((p) => part(p!)).join(' ');
  return [family, name.suffix && part(name.suffix), name.given && part(name.given)].filter(Boolean).join(', ');
}

/** @book for books, @article for a paper or an essay in a venue, @misc for the rest. */
function entryType(item: CslItem): string {
  if (item.type === 'book') return 'book';
  if ((item.type === 'article-journal' || item.type === 'article') && item['container-title']) return 'article';
  return 'misc';
}

/** One entry's text, fields in a fixed order, empty ones left out. */
export function bibtexEntry(item: CslItem): string {
  const type = entryType(item);
  const venue = item['container-title'] ?? item['event-title'] ?? item.publisher;
  const fields: [string, string | undefined][] = [
    ['author', item.author?.map(bibtexName).join(' and ')],
    ['title', texEscape(item.title)],
    [type === 'article' ? 'journal' : type === 'book' ? 'publisher' : 'howpublished', venue && texEscape(venue)],
    ['year', item.issued ? String(item.issued['date-parts'][0][0]) : undefined],
    ['url', item.URL && urlValue(item.URL)],
    ['note', item.note && texEscape(item.note)],
    ['abstract', item.abstract && texEscape(item.abstract)],
  ];
  const body = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '').map(([key, value]) => `  ${key} = {${value}}`);
  return `@${type}{${item.id},\n${body.join(',\n')}\n}\n`;
}

/** `references.bib` in pieces, one entry each, by key; an empty library gives an empty file. */
export function* bibtexChunks(library: Library): Generator<string> {
  for (const [i, item] of cslItems(library).entries()) yield `${i === 0 ? '' : '\n'}${bibtexEntry(item)}`;
}
