/**
 * One essay's Markdown and HTML, rendered together and memoised as one entry
 * (one key, one dependency check, one stored value per essay), shared by the
 * two handbook emitters within a build.
 *
 * Rendering an essay's nodes (crosslinking) is cheap and needs the whole
 * library; serialising them to Markdown and HTML is most of emit's time and
 * needs only the nodes. So a large build serialises in worker threads first
 * (`prerenderEssays`), and the emitters then find every essay done. Either
 * way the text comes from the same functions on the same nodes.
 */
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import type { EmitContext } from './context.js';
import { decodeText, encodeEssay, renderEssayOutput, type EssayBytes, type EssayOutput } from './essay-text.js';
import { essayMemoKey, recall, remember, type EmitMemo } from './memo.js';
import { handbookModel, type EssayPart } from './model.js';
import { renderInPool, renderPoolSize } from './render-pool.js';
import { SpillFile, type SpillRef } from './spill.js';

export type { EssayOutput } from './essay-text.js';

/** An essay's outputs as kept until both handbooks are written: bytes in memory, or their place in a spill file. */
type Kept = EssayBytes | { md: SpillRef; html: SpillRef };

/** Every essay rendered in this build (see `EssayBytes` and spill.ts for why not as strings). */
const outputs = new WeakMap<EssayPart, Kept>();

const bytesOf = (kept: Uint8Array | SpillRef): Uint8Array => (kept instanceof Uint8Array ? kept : kept.file.read(kept));

/** The essay's text in one output: from this build, from the memo (if its dependencies hold), or rendered now. */
export function essayText(essay: EssayPart, ctx: EmitContext, config: Config, memo: EmitMemo | undefined, format: keyof EssayBytes): string {
  const done = known(essay, ctx, config, memo);
  if (done) return decodeText(bytesOf(done[format]));
  const output = renderEssayOutput(essay);
  keep(essay, config, memo, output);
  return output[format];
}

/**
 * Renders, in `workers` threads (default: by library size, 0 for a small
 * one), every essay that is neither rendered in this build nor valid in the
 * memo, so that `emitAll` finds them. Only ever makes emit faster: an essay
 * a worker could not render is rendered by `essayText` as usual.
 */
export async function prerenderEssays(library: Library, config: Config, memo: EmitMemo | undefined, workers?: number): Promise<void> {
  const model = handbookModel(library, config);
  const todo = model.chapters.flatMap((chapter) => chapter.essays).filter((essay) => known(essay, model.ctx, config, memo) === undefined);
  const size = Math.min(workers ?? renderPoolSize(todo.length), todo.length);
  if (size <= 0) return;
  // Workers mean a large library: its essays wait for the handbooks on disk, not in memory.
  const spill = new SpillFile();
  await renderInPool(todo, size, (i, output) => keep(todo[i]!, config, memo, output, spill)).catch(() => undefined);
}

/** Stored as "<length of md>\n<md><html>". */
const pack = (output: EssayOutput): string => `${output.md.length}\n${output.md}${output.html}`;

function unpack(packed: string): EssayOutput | undefined {
  const lineEnd = packed.indexOf('\n');
  const mdLength = Number(packed.slice(0, lineEnd));
  // The memo checksums what it stores, so this only fails for a store that returns other writers' data.
  if (!(Number.isSafeInteger(mdLength) && lineEnd > 0 && lineEnd + 1 + mdLength <= packed.length)) return undefined;
  return { md: packed.slice(lineEnd + 1, lineEnd + 1 + mdLength), html: packed.slice(lineEnd + 1 + mdLength) };
}

/** The output already rendered in this build, or a memo entry whose dependencies still hold. */
function known(essay: EssayPart, ctx: EmitContext, config: Config, memo: EmitMemo | undefined): Kept | undefined {
  const done = outputs.get(essay);
  if (done || !memo) return done;
  const packed = recall(memo, essayMemoKey(essay.linked, config, 'essay'), ctx);
  const output = packed === undefined ? undefined : unpack(packed);
  if (!output) return undefined;
  const bytes = encodeEssay(output);
  outputs.set(essay, bytes);
  return bytes;
}

/** Keeps a freshly rendered output (as text, or as bytes from a render worker) for this build, in `spill` if given, and in the memo. */
function keep(essay: EssayPart, config: Config, memo: EmitMemo | undefined, output: EssayOutput | EssayBytes, spill?: SpillFile): void {
  const bytes = typeof output.md === 'string' ? encodeEssay(output as EssayOutput) : (output as EssayBytes);
  outputs.set(essay, spill ? { md: spill.append(bytes.md), html: spill.append(bytes.html) } : bytes);
  if (!memo) return;
  const text = typeof output.md === 'string' ? (output as EssayOutput) : { md: decodeText(bytes.md), html: decodeText(bytes.html) };
  remember(memo, essayMemoKey(essay.linked, config, 'essay'), pack(text), essay.lookups);
}
