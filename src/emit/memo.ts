/**
 * Per-essay memoisation of rendered output, so a warm build re-renders only
 * the essays whose inputs changed.
 *
 * An essay's output depends on (1) the note itself and its link-stage data,
 * the config and the tool version, which make the memo KEY, and (2) facts
 * about the rest of the library it looked up while rendering (other notes'
 * titles and anchors, concept names and anchors, author anchors). Those are
 * recorded as they happen (`recordingContext`) and stored with the output; a
 * stored output is reused only if every recorded lookup still gives the same
 * answer. Lookups that are not recorded throw, so a future change to the
 * renderer cannot silently make the memo stale.
 */
import { createHash } from 'node:crypto';
import type { LinkedNote } from '../types.js';
import { version } from '../version.js';
import { noteTitle } from './chapters.js';
import type { EmitContext } from './context.js';

/** A string store for rendered fragments (e.g. backed by the persistent note cache). */
export interface EmitMemo {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** The lookup kinds a rendered essay may depend on. */
type LookupKind = 'note' | 'section' | 'sectionAt' | 'concept' | 'author' | 'title' | 'conceptName';

/** One recorded lookup: kind, arguments, answer. */
export type Lookup = [LookupKind, string, string, string | null];

/** Answers one lookup against a context (the single definition used to record and to verify). */
function answer(ctx: EmitContext, kind: LookupKind, a: string, b: string): string | null {
  switch (kind) {
    case 'note':
      return ctx.anchors.note(a) ?? null;
    case 'section':
      return ctx.anchors.section(a, b) ?? null;
    case 'sectionAt':
      return ctx.anchors.sectionAt(a, Number(b)) ?? null;
    case 'concept':
      return ctx.anchors.concept(a) ?? null;
    case 'author':
      return ctx.anchors.author(a) ?? null;
    case 'title': {
      const linked = ctx.notes.get(a);
      return linked ? noteTitle(linked) : null;
    }
    case 'conceptName':
      return ctx.concepts.get(a)?.concept.name ?? null;
  }
}

const unrecorded = (name: string): never => {
  throw new Error(`emit memo: an essay read ctx.${name}, which is not recorded as a dependency (see src/emit/memo.ts)`);
};

/**
 * A view of `ctx` for rendering one essay that records every lookup into
 * `lookups`. Returned notes and concepts may only be used for their title,
 * id and name (the recorded facts).
 */
export function recordingContext(ctx: EmitContext, lookups: Map<string, Lookup>): EmitContext {
  const ask = (kind: LookupKind, a: string, b = ''): string | null => {
    const result = answer(ctx, kind, a, b);
    lookups.set(`${kind}\u0000${a}\u0000${b}`, [kind, a, b, result]);
    return result;
  };
  const some = (value: string | null): string | undefined => value ?? undefined;
  return {
    config: ctx.config,
    // The essay's own body: its path and hash are in the memo key.
    bodies: ctx.bodies,
    anchors: {
      note: (id) => some(ask('note', id)),
      section: (id, heading) => some(ask('section', id, heading)),
      sectionAt: (id, index) => some(ask('sectionAt', id, String(index))),
      concept: (id) => some(ask('concept', id)),
      author: (name) => some(ask('author', name)),
      chapter: () => unrecorded('anchors.chapter'),
    },
    notes: { get: (id: string) => (ask('title', id) === null ? undefined : ctx.notes.get(id)) } as EmitContext['notes'],
    concepts: { get: (id: string) => (ask('conceptName', id) === null ? undefined : ctx.concepts.get(id)) } as EmitContext['concepts'],
    get library() {
      return unrecorded('library');
    },
    get chapters() {
      return unrecorded('chapters');
    },
    get conceptsByName() {
      return unrecorded('conceptsByName');
    },
    get authors() {
      return unrecorded('authors');
    },
    get debates() {
      return unrecorded('debates');
    },
  };
}

/**
 * The memo key of one essay's `kind` output: everything it depends on except
 * recorded lookups. `settings` is the config as JSON (computed once a build);
 * `frame` is whatever else the output shows, as plain data (a site page's
 * chapter, neighbours, concepts…).
 */
export function essayMemoKey(linked: LinkedNote, settings: string, kind: string, frame?: unknown): string {
  const { note } = linked;
  // Related notes without their scores: no essay shows a score, and any edit moves every score (BM25's df and average length).
  const related = linked.related.map((r) => [r.id, r.reasons]);
  const own = [version, settings, note.path, note.id, note.hash, linked.mentions, linked.links, linked.backlinks, linked.mentionedIn, related, linked.relations, linked.concepts, ...(frame === undefined ? [] : [frame])];
  return `emit-${kind}:${createHash('sha256').update(JSON.stringify(own)).digest('hex')}`;
}

/**
 * Output that is a pure function of a fixed list of nodes (title page,
 * contents, back matter): memoised under a hash of the nodes themselves, so
 * it is exact by construction. Without a memo, just `render()`.
 */
export function memoisedByNodes(memo: EmitMemo | undefined, kind: string, nodes: unknown, render: () => string): string {
  if (!memo) return render();
  const key = `emit-${kind}:${createHash('sha256').update(`${version}\u0000${JSON.stringify(nodes)}`).digest('hex')}`;
  const known = memo.get(key);
  if (known !== undefined) {
    const lineEnd = known.indexOf('\n');
    const text = known.slice(lineEnd + 1);
    if (lineEnd >= 0 && known.slice(0, lineEnd) === digest(text)) return text;
  }
  const text = render();
  memo.set(key, `${digest(text)}\n${text}`);
  return text;
}

/** Checksum stored with every text, so a damaged or truncated entry is a miss, never output. */
const digest = (text: string): string => createHash('sha256').update(text).digest('base64');

interface Stored {
  lookups: Lookup[];
  text: string;
}

/** The text stored under `memoKey`, if there is one and every lookup it made still gives the same answer in `ctx`. */
export function recall(memo: EmitMemo, memoKey: string, ctx: EmitContext): string | undefined {
  const raw = memo.get(memoKey);
  if (raw === undefined) return undefined;
  const stored = parseStored(raw);
  return stored && stored.lookups.every(([kind, a, b, result]) => answer(ctx, kind, a, b) === result) ? stored.text : undefined;
}

/** Stores a rendered text with the lookups it made. */
export function remember(memo: EmitMemo, memoKey: string, text: string, lookups: readonly Lookup[]): void {
  // The lookups as one JSON line (JSON escapes line breaks), then the text as is: a hit parses only the line.
  memo.set(memoKey, `${digest(text)}\n${JSON.stringify(lookups)}\n${text}`);
}

/** A stored entry, or undefined if it is not one (a damaged store is a miss, never trusted). */
function parseStored(raw: string): Stored | undefined {
  const sumEnd = raw.indexOf('\n');
  const lineEnd = raw.indexOf('\n', sumEnd + 1);
  if (sumEnd < 0 || lineEnd < 0) return undefined;
  const text = raw.slice(lineEnd + 1);
  if (raw.slice(0, sumEnd) !== digest(text)) return undefined;
  try {
    const lookups = JSON.parse(raw.slice(sumEnd + 1, lineEnd)) as unknown;
    if (!Array.isArray(lookups)) return undefined;
    const kinds = new Set<unknown>(['note', 'section', 'sectionAt', 'concept', 'author', 'title', 'conceptName']);
    const ok = lookups.every(
      (l: unknown) => Array.isArray(l) && l.length === 4 && kinds.has(l[0]) && typeof l[1] === 'string' && typeof l[2] === 'string' && (typeof l[3] === 'string' || l[3] === null),
    );
    return ok ? { lookups: lookups as Lookup[], text } : undefined;
  } catch {
    return undefined;
  }
}

/** Adapts the persistent note cache's per-note extras (`getExtra`/`setExtra`) to an `EmitMemo`. */
export function memoFromNoteCache(cache: { getExtra(key: string, name: string): unknown; setExtra(key: string, name: string, value: unknown): void }): EmitMemo {
  return {
    get: (key) => {
      const value = cache.getExtra(key, 'emit');
      return typeof value === 'string' ? value : undefined;
    },
    set: (key, value) => cache.setExtra(key, 'emit', value),
  };
}
