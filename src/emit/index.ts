/**
 * The emit stage: every output file, rendered in memory in a fixed order.
 * Writing them is `writeOutputs` (write.ts), the only disk writer for dist.
 */
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { emitHandbookHtml } from './handbook-html.js';
import { emitHandbookMarkdown } from './handbook-md.js';
import { emitIndexJson, type IndexOptions } from './index-json.js';
import type { EmitMemo } from './memo.js';
import { emitIndexSchema } from './index-schema.js';

/** One file for `dist/`: a bare file name and its full text. */
export interface OutputFile {
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
}
export { writeOutputs } from './write.js';
export { prerenderEssays } from './essay-output.js';

/**
 * Renders handbook.md, handbook.html, index.json and index.schema.json, in
 * that order. Pure: the same library and config give the same strings;
 * `options.sourceDateEpoch` (the `SOURCE_DATE_EPOCH` value, passed in by the
 * caller) is the only way a timestamp enters an output; `options.memo`
 * only makes it faster.
 */
export function emitAll(library: Library, config: Config, options: EmitOptions = {}): OutputFile[] {
  return [...emitEach(library, config, options)];
}

/**
 * `emitAll`, one file at a time: each output is rendered when the iteration
 * reaches it, so a caller that writes each before asking for the next holds
 * one output in memory, not four.
 */
export function* emitEach(library: Library, config: Config, options: EmitOptions = {}): Generator<OutputFile> {
  const handbook = { memo: options.memo };
  yield { name: 'handbook.md', content: emitHandbookMarkdown(library, config, handbook) };
  yield { name: 'handbook.html', content: emitHandbookHtml(library, config, handbook) };
  yield { name: 'index.json', content: emitIndexJson(library, config, options) };
  yield { name: 'index.schema.json', content: emitIndexSchema(library, config) };
}

export { emitHandbookHtml, emitHandbookMarkdown, emitIndexJson, emitIndexSchema };
