/**
 * `dist/handbook.md`: the handbook model serialised with remark-stringify
 * (see markdown-serialise.ts), one part at a time.
 */
import type { RootContent } from 'mdast';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { essayOutput } from './essay-output.js';
import { serialiseMarkdown as serialise } from './markdown-serialise.js';
import { memoisedByNodes, type EmitMemo } from './memo.js';
import { handbookModel } from './model.js';

/** Options of the handbook emitters. */
export interface HandbookOptions {
  /** Store of rendered essays, for warm builds (see memo.ts); output is the same with or without it. */
  memo?: EmitMemo | undefined;
}

/**
 * Renders the whole handbook as one Markdown document. Each part (title page
 * and contents, chapter heading, essay, back-matter part) is serialised on
 * its own and the parts joined by a blank line: every part starts with a
 * heading, so this is exactly what serialising them as one tree gives, and an
 * essay's text can be memoised.
 */
export function emitHandbookMarkdown(library: Library, config: Config, options: HandbookOptions = {}): string {
  const model = handbookModel(library, config);
  const byNodes = (nodes: RootContent[]): string => memoisedByNodes(options.memo, 'md-part', nodes, () => serialise(nodes));
  const parts: string[] = [byNodes([...model.titlePage, ...model.contents])];
  for (const chapter of model.chapters) {
    parts.push(byNodes([chapter.heading]));
    for (const essay of chapter.essays) parts.push(essayOutput(essay, model.ctx, config, options.memo).md);
  }
  for (const part of model.backMatter) parts.push(byNodes(part.nodes));
  return `${parts.join('\n\n')}\n`;
}
