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

/** Serialises one essay's nodes (read once: an essay part renders them afresh on each read). */
export function renderEssayOutput(essay: EssayNodes): EssayOutput {
  const nodes = essay.nodes;
  return { md: serialiseMarkdown(nodes), html: essayHtml({ anchor: essay.anchor, nodes }) };
}
