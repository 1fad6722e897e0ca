/**
 * One essay's Markdown and HTML, rendered together and memoised as one entry
 * (one key, one dependency check, one stored value per essay), shared by the
 * two handbook emitters within a build.
 */
import type { Config } from '../config.js';
import type { EmitContext } from './context.js';
import { essayHtml } from './html-essay.js';
import { serialiseMarkdown } from './markdown-serialise.js';
import { essayMemoKey, memoised, type EmitMemo } from './memo.js';
import type { EssayPart } from './model.js';

/** An essay's text in each output. */
export interface EssayOutput {
  md: string;
  html: string;
}

const outputs = new WeakMap<EssayPart, EssayOutput>();

/** The essay's outputs: from this build, from the memo (if its dependencies hold), or rendered. */
export function essayOutput(essay: EssayPart, ctx: EmitContext, config: Config, memo: EmitMemo | undefined): EssayOutput {
  const known = outputs.get(essay);
  if (known) return known;
  const render = (): EssayOutput => ({ md: serialiseMarkdown(essay.nodes), html: essayHtml(essay) });
  // Stored as "<length of md>\n<md><html>".
  const packed = memoised(memo, () => essayMemoKey(essay.linked, config, 'essay'), ctx, () => {
    const fresh = render();
    return { text: `${fresh.md.length}\n${fresh.md}${fresh.html}`, lookups: essay.lookups };
  });
  const lineEnd = packed.indexOf('\n');
  const mdLength = Number(packed.slice(0, lineEnd));
  // The memo checksums what it stores, so this only fails for a store that returns other writers' data.
  const output = Number.isSafeInteger(mdLength) && lineEnd > 0 && lineEnd + 1 + mdLength <= packed.length
    ? { md: packed.slice(lineEnd + 1, lineEnd + 1 + mdLength), html: packed.slice(lineEnd + 1 + mdLength) }
    : render();
  outputs.set(essay, output);
  return output;
}
