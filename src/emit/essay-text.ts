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

/**
 * An essay's text in each output as UTF-8 bytes: how a build keeps rendered
 * essays until both handbooks are written. Off V8's heap, and half the size
 * of the strings (an essay with one curly quote is a two-byte string): at
 * 100,000 notes the strings alone would be ~6 GB of heap.
 */
export interface EssayBytes {
  md: Uint8Array;
  html: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Each text as its own ArrayBuffer (not a slice of a shared pool), so it can be transferred from a worker. */
export const encodeEssay = (output: EssayOutput): EssayBytes => ({ md: encoder.encode(output.md), html: encoder.encode(output.html) });

/** One output's text back as a string. */
export const decodeText = (bytes: Uint8Array): string => decoder.decode(bytes);

