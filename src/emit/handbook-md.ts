/**
 * `dist/handbook.md`: the handbook model serialised with remark-stringify
 * (see markdown-serialise.ts), one part at a time.
 */
import type { RootContent } from 'mdast';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import { serialiseMarkdown as serialise } from './markdown-serialise.js';
import { memoisedByNodes, type EmitMemo } from './memo.js';

/** Options of the handbook emitters. */
export interface HandbookOptions {
  /** Store of rendered essays, for warm builds (see memo.ts); output is the same with or without it. */
  memo?: EmitMemo | undefined;
  /** This build's essays (`prerenderEssays`), shared by both handbooks; rendered on demand without it. */
  essays?: RenderedEssays | undefined;
}

/**
 * Renders the whole handbook as one Markdown document. Each part (title page
 * and contents, chapter heading, essay, back-matter part) is serialised on
 * its own and the parts joined by a blank line: every part starts with a
 * heading, so this is exactly what serialising them as one tree gives, and an
 * essay's text can be memoised.
 */
export function emitHandbookMarkdown(library: Library, config: Config, options: HandbookOptions = {}): string {
  return [...handbookMarkdownChunks(library, config, options)].join('');
}

/**
 * `emitHandbookMarkdown`'s text in pieces, each rendered when the iteration
 * reaches it: a large library's handbook is longer than one string can be.
 */
export function* handbookMarkdownChunks(library: Library, config: Config, options: HandbookOptions = {}): Generator<string> {
  const essays = options.essays ?? renderedEssays(library, config, options.memo);
  const { model } = essays;
  const byNodes = (nodes: RootContent[]): string => memoisedByNodes(options.memo, 'md-part', nodes, () => serialise(nodes));
  yield byNodes([...model.titlePage, ...model.contents]);
  for (const chapter of model.chapters) {
    yield '\n\n';
    yield byNodes([chapter.heading]);
    for (const essay of chapter.essays) {
      yield '\n\n';
      yield essays.text(essay, 'md');
    }
  }
  for (const part of model.backMatter) {
    yield '\n\n';
    yield byNodes(part.nodes);
  }
  yield '\n';
}
