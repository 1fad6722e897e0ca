/**
 * An essay's nodes → its Markdown and HTML text: the pure, library-free part
 * of emitting an essay, run in the main thread or in a render worker.
 */
import { essayHtml, type EssayNodes } from './html-essay.js';
import { serialiseMarkdown } from './markdown-serialise.js';

/** An essay's text in each output. */
export interface EssayOutput {
  md: string;
  html: string;
}

/** Serialises one essay's nodes. */
export function renderEssayOutput(essay: EssayNodes): EssayOutput {
  return { md: serialiseMarkdown(essay.nodes), html: essayHtml(essay) };
}
