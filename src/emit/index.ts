/**
 * The emit stage: every output file, rendered in memory in a fixed order.
 * Writing them is `writeOutputs` (write.ts), the only disk writer for dist.
 */
import { selectOutputs, type Config } from '../config.js';
import type { Library } from '../types.js';
import { bibtexChunks } from './bibtex.js';
import { cslJsonChunks } from './csl.js';
import { epubChunks } from './epub.js';
import type { PdfResult } from './pdf.js';
import { emitHandbookHtml, handbookHtmlChunks, handbookHtmlNotice } from './handbook-html.js';
import { emitHandbookMarkdown, handbookMarkdownChunks } from './handbook-md.js';
import { emitIndexJson, indexJsonChunks, type IndexOptions } from './index-json.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import type { EmitMemo } from './memo.js';
import { emitIndexSchema } from './index-schema.js';
import { siteFiles, type SitePaging } from './site/index.js';
import type { EssayBodies } from './context.js';

/**
 * One file for `dist/`: a bare file name and its text in pieces, rendered as
 * they are iterated (each iteration renders afresh). The big outputs of a
 * large library are longer than the longest string V8 allows, so they never
 * exist as one string; `writeOutputs` writes the pieces as they come.
 */
export interface OutputFile {
  name: string;
  /** Text as strings (written as UTF-8); a binary output (EPUB, PDF) as bytes. */
  chunks: Iterable<string | Uint8Array>;
}

/** One file for `dist/` whole (`emitAll`, for libraries small enough to hold it): text, or bytes for a binary output. */
export interface OutputText {
  name: string;
  content: string | Uint8Array;
}

export type { IndexOptions } from './index-json.js';
export type { HandbookOptions } from './handbook-md.js';
export { memoFromNoteCache, type EmitMemo } from './memo.js';

/** Options of `emitAll`. */
export interface EmitOptions extends IndexOptions {
  /** Where essays' sources and trees are fetched, one note at a time (see `EssayBodies`). */
  bodies: EssayBodies;
  /**
   * Store of rendered essays (Markdown and HTML) for warm builds; outputs are
   * byte-identical with or without it. See memo.ts and `memoFromNoteCache`.
   */
  memo?: EmitMemo | undefined;
  /** This build's essays, rendered ahead (`prerenderEssays`); rendered on demand without it. */
  essays?: RenderedEssays | undefined;
  /** The PDF printed ahead (`prerenderPdf`), or why it was not; no handbook.pdf without it. */
  pdf?: PdfResult | undefined;
  /** Page sizes of the site's long lists (`DEFAULT_PAGING` without it; tests pass small ones). */
  sitePaging?: SitePaging | undefined;
}
export { writeOutputs } from './write.js';
export { prerenderEssays, type RenderedEssays } from './essay-output.js';
export { prerenderPdf, PDF_NOTE_LIMIT, type PdfResult } from './pdf.js';
export { HTML_NOTE_LIMIT } from './handbook-html.js';

/** An output file a build leaves out on purpose, and the line that says why. */
export interface LeftOut {
  /** Its name under the output folder. */
  file: string;
  why: string;
}

/** The outputs this build leaves out on purpose besides the PDF (which says so itself). */
export function leftOutputs(library: Library, config: Config): LeftOut[] {
  const html = handbookHtmlNotice(library, selectOutputs(config.outputs, 'outputs'));
  return html ? [{ file: 'handbook.html', why: html }] : [];
}

/**
 * Renders handbook.md, handbook.html, index.json and index.schema.json, in
 * that order. Pure: the same library and config give the same strings;
 * `options.sourceDateEpoch` (the `SOURCE_DATE_EPOCH` value, passed in by the
 * caller) is the only way a timestamp enters an output; `options.memo`
 * only makes it faster.
 */
export function emitAll(library: Library, config: Config, options: EmitOptions): OutputText[] {
  return [...emitEach(library, config, options)].map((file) => ({ name: file.name, content: whole([...file.chunks]) }));
}

/** The text of the output `name` among `files`; throws if it is missing or binary (a caller's mistake). */
export function outputText(files: readonly OutputText[], name: string): string {
  const content = files.find((f) => f.name === name)?.content;
  if (typeof content !== 'string') throw new Error(`${name}: ${content === undefined ? 'not among the outputs' : 'a binary output'}`);
  return content;
}

/** The pieces of one output as one string, or as one byte array if any piece is bytes. */
function whole(chunks: (string | Uint8Array)[]): string | Uint8Array {
  if (chunks.every((c): c is string => typeof c === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
}

/**
 * `emitAll`, one file at a time and each in pieces: a piece is rendered when
 * the iteration reaches it, so a caller that writes each piece before asking
 * for the next holds a little of one output in memory, not four outputs.
 */
export function* emitEach(library: Library, config: Config, options: EmitOptions): Generator<OutputFile> {
  // The handbooks, the book and the site walk one model; the first three share each essay's text, rendered once (and only if one of them is written).
  let shared: RenderedEssays | undefined;
  const handbook = (): { bodies: EssayBodies; memo: EmitMemo | undefined; essays: RenderedEssays } => ({ bodies: options.bodies, memo: options.memo, essays: (shared ??= options.essays ?? renderedEssays(library, config, options.bodies, options.memo)) });
  const lazily = (render: () => Iterator<string | Uint8Array>): Iterable<string | Uint8Array> => ({ [Symbol.iterator]: render });
  // config.outputs was checked when the config was resolved (and --outputs when parsed).
  const wanted = selectOutputs(config.outputs, 'outputs');
  if (wanted.has('markdown')) yield { name: 'handbook.md', chunks: lazily(() => handbookMarkdownChunks(library, config, { ...handbook(), sourceDateEpoch: options.sourceDateEpoch })) };
  // Past HTML_NOTE_LIMIT notes the one page is too large to open; `leftOutputs` says so.
  if (wanted.has('html') && !handbookHtmlNotice(library, wanted)) yield { name: 'handbook.html', chunks: lazily(() => handbookHtmlChunks(library, config, handbook())) };
  if (wanted.has('index')) {
    yield { name: 'index.json', chunks: lazily(() => indexJsonChunks(library, config, options)) };
    yield { name: 'index.schema.json', chunks: [emitIndexSchema(library, config)] };
  }
  if (wanted.has('epub')) yield { name: 'handbook.epub', chunks: lazily(() => epubChunks(library, config, { ...handbook(), sourceDateEpoch: options.sourceDateEpoch })) };
  // Printed beforehand (`prerenderPdf`); when it could not be, the build reports why and writes the rest.
  if (wanted.has('pdf') && options.pdf && 'bytes' in options.pdf) yield { name: 'handbook.pdf', chunks: [options.pdf.bytes] };
  if (wanted.has('bibtex')) yield { name: 'references.bib', chunks: lazily(() => bibtexChunks(library)) };
  if (wanted.has('csl')) yield { name: 'references.json', chunks: lazily(() => cslJsonChunks(library)) };
  // The site keeps its pages in the memo too (each by its own inputs: site/essay-page.ts, memo.ts).
  if (wanted.has('site')) yield* siteFiles(handbook().essays.model, config, options.memo, options.sitePaging);
}

export { emitHandbookHtml, emitHandbookMarkdown, emitIndexJson, emitIndexSchema };
