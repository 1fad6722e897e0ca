/**
 * The emit stage: every output file, rendered in memory in a fixed order.
 * Writing them is `writeOutputs` (write.ts), the only disk writer for dist.
 */
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { emitHandbookHtml, handbookHtmlChunks } from './handbook-html.js';
import { emitHandbookMarkdown, handbookMarkdownChunks } from './handbook-md.js';
import { emitIndexJson, indexJsonChunks, type IndexOptions } from './index-json.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import type { EmitMemo } from './memo.js';
import { emitIndexSchema } from './index-schema.js';
import { siteFiles, wantsSite } from './site/index.js';

/**
 * One file for `dist/`: a bare file name and its text in pieces, rendered as
 * they are iterated (each iteration renders afresh). The big outputs of a
 * large library are longer than the longest string V8 allows, so they never
 * exist as one string; `writeOutputs` writes the pieces as they come.
 */
export interface OutputFile {
  name: string;
  chunks: Iterable<string>;
}

/** One file for `dist/` with its text whole (`emitAll`, for libraries small enough to hold it). */
export interface OutputText {
  name: string;
  content: string;
}

export type { IndexOptions } from './index-json.js';
export type { HandbookOptions } from './handbook-md.js';
export { memoFromNoteCache, type EmitMemo } from './memo.js';

/** Options of `emitAll`. */
export interface EmitOptions extends IndexOptions {
  /**
   * Store of rendered essays (Markdown and HTML) for warm builds; outputs are
   * byte-identical with or without it. See memo.ts and `memoFromNoteCache`.
   */
  memo?: EmitMemo | undefined;
  /** This build's essays, rendered ahead (`prerenderEssays`); rendered on demand without it. */
  essays?: RenderedEssays | undefined;
  /** The selected output names (undefined: the defaults); only `site` is read here so far (see site/index.ts). */
  outputs?: readonly string[] | undefined;
}
export { writeOutputs } from './write.js';
export { prerenderEssays, type RenderedEssays } from './essay-output.js';

/**
 * Renders handbook.md, handbook.html, index.json and index.schema.json, in
 * that order. Pure: the same library and config give the same strings;
 * `options.sourceDateEpoch` (the `SOURCE_DATE_EPOCH` value, passed in by the
 * caller) is the only way a timestamp enters an output; `options.memo`
 * only makes it faster.
 */
export function emitAll(library: Library, config: Config, options: EmitOptions = {}): OutputText[] {
  return [...emitEach(library, config, options)].map((file) => ({ name: file.name, content: [...file.chunks].join('') }));
}

/**
 * `emitAll`, one file at a time and each in pieces: a piece is rendered when
 * the iteration reaches it, so a caller that writes each piece before asking
 * for the next holds a little of one output in memory, not four outputs.
 */
export function* emitEach(library: Library, config: Config, options: EmitOptions = {}): Generator<OutputFile> {
  // Both handbooks walk one model and share each essay's text, rendered once.
  const handbook = { memo: options.memo, essays: options.essays ?? renderedEssays(library, config, options.memo) };
  const lazily = (render: () => Iterator<string>): Iterable<string> => ({ [Symbol.iterator]: render });
  yield { name: 'handbook.md', chunks: lazily(() => handbookMarkdownChunks(library, config, handbook)) };
  yield { name: 'handbook.html', chunks: lazily(() => handbookHtmlChunks(library, config, handbook)) };
  yield { name: 'index.json', chunks: lazily(() => indexJsonChunks(library, config, options)) };
  yield { name: 'index.schema.json', chunks: [emitIndexSchema(library, config)] };
  if (wantsSite(options.outputs)) yield* siteFiles(library, config);
}

export { emitHandbookHtml, emitHandbookMarkdown, emitIndexJson, emitIndexSchema };
