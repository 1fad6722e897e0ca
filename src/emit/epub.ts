/**
 * `dist/handbook.epub` (EPUB 3): the handbook model as a title page, one
 * XHTML document per chapter and per back-matter part, a navigation
 * document and an NCX, zipped by fflate. The content is the HTML handbook's:
 * each essay exactly as this build rendered it for handbook.html (sanitised
 * after the last transform), rewritten as XHTML (epub-xhtml.ts).
 *
 * Deterministic: `mimetype` first and stored, every entry dated 1980-01-01
 * 00:00 (DOS time has no zone: the date is built from local fields, so any
 * TZ writes the same bytes), the identifier a hash of the library, and
 * `dcterms:modified` from SOURCE_DATE_EPOCH (else that same fixed date).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { RootContent } from 'hast';
import { h } from 'hastscript';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { sortBy } from '../util/sort.js';
import { FIXED_ANCHORS } from './anchors.js';
import { noteTitle } from './chapters.js';
import { CONTAINER_XML, navDocument, ncxDocument, packageDocument, type BookMetadata, type SpineItem, type TocEntry } from './epub-package.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import { htmlToXhtml, serialiseXhtml, xhtmlDocument } from './epub-xhtml.js';
import { toHast } from './html-essay.js';
import { sanitizeFragment } from './html-sanitize.js';
import { TEMPLATES_DIR } from './html-shell.js';
import { timestampFrom } from './index-json.js';
import type { EssayBodies } from './context.js';
import type { EmitMemo } from './memo.js';
import type { HandbookModel } from './model.js';

/** One file of the book: its path in the zip and its text in pieces. */
interface BookFile {
  name: string;
  text: Iterable<string>;
}

/** The zip entries' date: DOS time 1980-01-01 00:00, the earliest it can say. */
const ZIP_DATE = (): Date => new Date(1980, 0, 1, 0, 0, 0);
const FIXED_MODIFIED = '1980-01-01T00:00:00Z';

/** Options of `epubChunks`. */
export interface EpubOptions {
  /** Where essays' sources and trees are fetched (see `EssayBodies`). */
  bodies: EssayBodies;
  sourceDateEpoch?: string | undefined;
  /** This build's essays (`prerenderEssays`, shared with the handbooks); rendered (or recalled from `memo`) without it. */
  essays?: RenderedEssays | undefined;
  memo?: EmitMemo | undefined;
}

/** `handbook.epub` as zip bytes in pieces, each chapter written as the iteration reaches it. */
export function* epubChunks(library: Library, config: Config, options: EpubOptions): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else out.push(data);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* out.splice(0);
  };
  const mimetype = new ZipPassThrough('mimetype');
  mimetype.mtime = ZIP_DATE();
  zip.add(mimetype);
  mimetype.push(new TextEncoder().encode('application/epub+zip'), true);
  yield* drain();
  const encoder = new TextEncoder();
  const essays = options.essays ?? renderedEssays(library, config, options.bodies, options.memo);
  for (const file of bookFiles(library, config, essays, options.sourceDateEpoch)) {
    const entry = new ZipDeflate(file.name, { level: 6 });
    entry.mtime = ZIP_DATE();
    zip.add(entry);
    for (const text of file.text) {
      entry.push(encoder.encode(text));
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** Every file of the book after `mimetype`, in a fixed order. */
function* bookFiles(library: Library, config: Config, essays: RenderedEssays, sourceDateEpoch: string | undefined): Generator<BookFile> {
  const { model } = essays;
  const { handbook } = config;
  const meta: BookMetadata = {
    identifier: bookIdentifier(library, config),
    title: handbook.title || 'Commonplace',
    subtitle: handbook.subtitle,
    creator: handbook.editor,
    language: 'en',
    modified: timestampFrom(sourceDateEpoch)?.replace(/\.\d+Z$/, 'Z') ?? FIXED_MODIFIED,
  };
  const fileOf = anchorFiles(model);
  const xhtml = (nodes: RootContent[], file: string): string => serialiseXhtml(sanitizeFragment(nodes), file, fileOf);
  const chapterFile = (i: number): string => `chapter-${i + 1}.xhtml`;
  const backFile = (anchor: string): string => `${anchor}.xhtml`;

  const spine: SpineItem[] = [{ id: 'title-page', href: 'title.xhtml' }, { id: 'nav', href: 'nav.xhtml' }];
  spine.push(...model.chapters.map((_, i) => ({ id: `chapter-${i + 1}`, href: chapterFile(i) })));
  spine.push(...model.backMatter.map((part) => ({ id: part.anchor, href: backFile(part.anchor) })));
  const toc: TocEntry[] = [{ label: meta.title, href: 'title.xhtml', children: [] }];
  for (const [i, chapter] of model.chapters.entries()) {
    const essays = chapter.essays.map((essay) => ({ label: noteTitle(essay.linked), href: `${chapterFile(i)}#user-content-${essay.anchor}`, children: [] }));
    toc.push({ label: chapter.title, href: chapterFile(i), children: essays });
  }
  toc.push(...model.backMatter.map((part) => ({ label: part.title, href: backFile(part.anchor), children: [] })));

  yield { name: 'META-INF/container.xml', text: [CONTAINER_XML] };
  yield { name: 'OEBPS/content.opf', text: [packageDocument(meta, spine)] };
  yield { name: 'OEBPS/nav.xhtml', text: [navDocument(meta.title, toc)] };
  yield { name: 'OEBPS/toc.ncx', text: [ncxDocument(meta, toc)] };
  yield { name: 'OEBPS/style.css', text: [readFileSync(path.join(TEMPLATES_DIR, 'epub.css'), 'utf8')] };
  yield { name: 'OEBPS/title.xhtml', text: xhtmlDocument(meta.title, [xhtml([h('header', { className: ['title-page'] }, toHast(model.titlePage))], 'title.xhtml')]) };
  for (const [i, chapter] of model.chapters.entries()) {
    const file = chapterFile(i);
    function* body(): Generator<string> {
      yield `<section class="chapter">\n${xhtml(toHast([chapter.heading]), file)}\n`;
      for (const essay of chapter.essays) yield `${htmlToXhtml(essays.text(essay, 'html'), file, fileOf)}\n`;
      yield '</section>';
    }
    yield { name: `OEBPS/${file}`, text: xhtmlDocument(chapter.title, body()) };
  }
  for (const part of model.backMatter) {
    const file = backFile(part.anchor);
    yield { name: `OEBPS/${file}`, text: xhtmlDocument(part.title, [xhtml([h('section', { className: ['back-matter', part.anchor] }, toHast(part.nodes))], file)]) };
  }
}

/** Anchor → the document that holds it, for every anchor a link can name across documents. */
function anchorFiles(model: HandbookModel): (anchor: string) => string | undefined {
  const files = new Map<string, string>([[FIXED_ANCHORS.title, 'title.xhtml'], [FIXED_ANCHORS.contents, 'nav.xhtml']]);
  const { anchors, library, authors } = model.ctx;
  for (const [i, chapter] of model.chapters.entries()) {
    const file = `chapter-${i + 1}.xhtml`;
    files.set(chapter.anchor, file);
    for (const essay of chapter.essays) {
      files.set(essay.anchor, file);
      for (let k = 0, section = anchors.sectionAt(essay.linked.note.id, 0); section !== undefined; section = anchors.sectionAt(essay.linked.note.id, ++k)) files.set(section, file);
    }
  }
  for (const part of model.backMatter) files.set(part.anchor, `${part.anchor}.xhtml`);
  for (const debate of model.ctx.debates) files.set(debate.anchor, `${FIXED_ANCHORS.debates}.xhtml`);
  for (const linked of library.concepts) files.set(anchors.concept(linked.concept.id)!, `${FIXED_ANCHORS.glossary}.xhtml`);
  for (const name of authors) files.set(anchors.author(name)!, `${FIXED_ANCHORS.authors}.xhtml`);
  return (anchor) => files.get(anchor);
}

/**
 * A stable identifier derived from the content (the handbook config, each
 * note's id and bytes, each concept), as a name-based UUID: the same library
 * gives the same book, an edit gives a new one.
 */
export function bookIdentifier(library: Library, config: Config): string {
  const hash = createHash('sha256').update(JSON.stringify(config.handbook));
  for (const linked of sortBy(library.notes, (n) => n.note.id)) hash.update(`\0note\0${linked.note.id}\0${linked.note.hash}`);
  for (const linked of sortBy(library.concepts, (c) => c.concept.id)) hash.update(`\0concept\0${JSON.stringify(linked.concept)}`);
  const hex = hash.digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
