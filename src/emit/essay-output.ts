/**
 * One essay's Markdown and HTML, rendered together and memoised as one entry
 * (one key, one dependency check, one stored value per essay), shared by the
 * two handbook emitters within a build.
 *
 * Rendering an essay's nodes (crosslinking) is cheap and needs the whole
 * library; serialising them to Markdown and HTML is most of emit's time and
 * needs only the nodes. So a large build serialises in worker threads first
 * (`prerenderEssays`), and passes the result to the emitters, which find
 * every essay done. Either way the text comes from the same functions on the
 * same nodes.
 */
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { decodeText, encodeEssay, renderEssayOutput, type EssayBytes, type EssayOutput } from './essay-text.js';
import { essayMemoKey, recall, remember, type EmitMemo } from './memo.js';
import type { EssayBodies } from './context.js';
import { handbookModel, type EssayPart, type HandbookModel } from './model.js';
import { renderInPool, renderPoolSize } from './render-pool.js';
import { SpillFile, type SpillRef } from './spill.js';

export type { EssayOutput } from './essay-text.js';

/** An essay's outputs as kept until both handbooks are written: bytes in memory, or their place in a spill file. */
type Kept = EssayBytes | { md: SpillRef; html: SpillRef };

const bytesOf = (kept: Uint8Array | SpillRef): Uint8Array => (kept instanceof Uint8Array ? kept : kept.file.read(kept));

/**
 * The handbook's essays for one build: the model both handbook emitters
 * walk, and each essay's text once rendered (in this thread, in a worker by
 * `prerenderEssays`, or taken from the memo). A value the build passes to
 * the emitters; it holds this build's essays and nothing outlives it.
 */
export interface RenderedEssays {
  readonly model: HandbookModel;
  /** The essay's text in one output: from this build, from the memo (if its dependencies hold), or rendered now. */
  text(essay: EssayPart, format: keyof EssayBytes): string;
}

/** `RenderedEssays` with nothing rendered yet: each essay is rendered (or recalled) when first asked for. */
export function renderedEssays(library: Library, config: Config, bodies: EssayBodies, memo: EmitMemo | undefined): RenderedEssays {
  return essayStore(handbookModel(library, config, bodies), config, memo);
}

/**
 * Renders, in `workers` threads (default: by library size, 0 for a small
 * one), every essay that is neither rendered in this build nor valid in the
 * memo, and returns them for the emitters. Only ever makes emit faster: an
 * essay a worker could not render is rendered when the emitters ask for it.
 */
export async function prerenderEssays(library: Library, config: Config, bodies: EssayBodies, memo: EmitMemo | undefined, workers?: number): Promise<RenderedEssays> {
  const store = essayStore(handbookModel(library, config, bodies), config, memo);
  const todo = store.model.chapters.flatMap((chapter) => chapter.essays).filter((essay) => store.known(essay) === undefined);
  const size = Math.min(workers ?? renderPoolSize(todo.length), todo.length);
  if (size <= 0) return store;
  // Workers mean a large library: its essays wait for the handbooks on disk, not in memory.
  const spill = new SpillFile();
  await renderInPool(todo, size, (i, output) => store.keep(todo[i]!, output, spill)).catch(() => undefined);
  return store;
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

interface EssayStore extends RenderedEssays {
  /** The output already rendered in this build, or a memo entry whose dependencies still hold. */
  known(essay: EssayPart): Kept | undefined;
  /** Keeps a freshly rendered output (as text, or as bytes from a render worker) for this build, in `spill` if given, and in the memo. */
  keep(essay: EssayPart, output: EssayOutput | EssayBytes, spill?: SpillFile): void;
}

function essayStore(model: HandbookModel, config: Config, memo: EmitMemo | undefined): EssayStore {
  const outputs = new Map<EssayPart, Kept>();
  const keys = new Map<EssayPart, string>();
  const settings = JSON.stringify(config);
  const keyOf = (essay: EssayPart): string => {
    let key = keys.get(essay);
    if (key === undefined) keys.set(essay, (key = essayMemoKey(essay.linked, settings, 'essay')));
    return key;
  };
  const store: EssayStore = {
    model,
    known(essay) {
      const done = outputs.get(essay);
      if (done || !memo) return done;
      const packed = recall(memo, keyOf(essay), model.ctx);
      const output = packed === undefined ? undefined : unpack(packed);
      if (!output) return undefined;
      const bytes = encodeEssay(output);
      outputs.set(essay, bytes);
      return bytes;
    },
    keep(essay, output, spill) {
      const bytes = typeof output.md === 'string' ? encodeEssay(output as EssayOutput) : (output as EssayBytes);
      outputs.set(essay, spill ? { md: spill.append(bytes.md), html: spill.append(bytes.html) } : bytes);
      if (!memo) return;
      const text = typeof output.md === 'string' ? (output as EssayOutput) : { md: decodeText(bytes.md), html: decodeText(bytes.html) };
      remember(memo, keyOf(essay), pack(text), essay.lookups);
    },
    text(essay, format) {
      const done = store.known(essay);
      if (done) return decodeText(bytesOf(done[format]));
      const output = renderEssayOutput(essay);
      store.keep(essay, output);
      return output[format];
    },
  };
  return store;
}
