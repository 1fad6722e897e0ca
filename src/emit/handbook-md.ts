/**
 * `dist/handbook.md`: the handbook model serialised with remark-stringify
 * (see markdown-serialise.ts), one part at a time.
 */
import type { RootContent } from 'mdast';
import { stringify as yamlString } from 'yaml';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import { serialiseMarkdown as serialise } from './markdown-serialise.js';
import { memoisedByNodes, type EmitMemo } from './memo.js';
import { timestampFrom } from './index-json.js';
import { text } from './mdast-build.js';
import { handbookModel } from './model.js';
import type { EssayBodies } from './context.js';

/** Options of the handbook emitters. */
export interface HandbookOptions {
  /** Store of rendered essays, for warm builds (see memo.ts); output is the same with or without it. */
  memo?: EmitMemo | undefined;
  /** This build's essays (`prerenderEssays`), shared by both handbooks; rendered on demand without it. */
  essays?: RenderedEssays | undefined;
  /** Where essays' sources and trees are fetched (see `EssayBodies`). */
  bodies: EssayBodies;
  /** The `SOURCE_DATE_EPOCH` value: the metadata block's `date` when set. */
  sourceDateEpoch?: string | undefined;
}

/**
 * Renders the whole handbook as one Markdown document. Each part (title page
 * and contents, chapter heading, essay, back-matter part) is serialised on
 * its own and the parts joined by a blank line: every part starts with a
 * heading, so this is exactly what serialising them as one tree gives, and an
 * essay's text can be memoised.
 */
export function emitHandbookMarkdown(library: Library, config: Config, options: HandbookOptions): string {
  return [...handbookMarkdownChunks(library, config, options)].join('');
}

/**
 * `emitHandbookMarkdown`'s text in pieces, each rendered when the iteration
 * reaches it: a large library's handbook is longer than one string can be.
 */
export function* handbookMarkdownChunks(library: Library, config: Config, options: HandbookOptions): Generator<string> {
  const essays = options.essays ?? renderedEssays(library, config, options.bodies, options.memo);
  const { model } = essays;
  const byNodes = (nodes: RootContent[]): string => memoisedByNodes(options.memo, 'md-part', nodes, () => serialise(nodes));
  yield pandocMetadata(config, options.sourceDateEpoch);
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

/**
 * The YAML metadata block Pandoc reads (title, subtitle, editor as author,
 * date, language), so `pandoc handbook.md -o x.epub` has a title. Pandoc reads
 * each value as Markdown, so each is serialised as escaped Markdown text and
 * then quoted by the YAML emitter: a title like `*x*` or `<b>` stays literal.
 */
export function pandocMetadata(config: Config, sourceDateEpoch: string | undefined): string {
  const { title, subtitle, editor } = config.handbook;
  const inline = (value: string): string => serialise([{ type: 'paragraph', children: [text(value)] }]);
  const meta: Record<string, string> = { title: inline(title || 'Commonplace') };
  if (subtitle) meta.subtitle = inline(subtitle);
  if (editor) meta.author = inline(editor);
  const date = timestampFrom(sourceDateEpoch)?.slice(0, 10);
  if (date) meta.date = date;
  meta.lang = 'en';
  return `---\n${yamlString(meta, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })}---\n\n`;
}
