/**
 * `serve`'s fast path (Hugo's "fast render"): what the last good build
 * linked, kept in memory behind one object, so that a saved note's own page
 * is re-read, checked and rendered in well under a second, before the full
 * build (the ground truth, which writes dist/site) has finished.
 *
 * Only an edit of notes the library already has takes this path; the
 * edited notes' own text, sections, mentions, links and concepts are new,
 * while what other notes say about them (backlinks, related, concept pages,
 * the home page) lags until the full build. Anything else (a new, deleted or
 * renamed note, the glossary, the config) is `declined` and left to the full
 * build. The pages it renders are never written to disk.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { checkNote, createContext as ruleContext, effectiveSeverity } from '../check/run.js';
import type { Config } from '../config.js';
import type { Anchors } from '../emit/anchors.js';
import type { EmitContext, EssayBodies } from '../emit/context.js';
import { renderEssay } from '../emit/essay.js';
import type { EmitMemo } from '../emit/memo.js';
import { handbookModel, type EssayPart } from '../emit/model.js';
import { splitNote } from '../emit/note-parts.js';
import { contextGraph, neighbourLookup } from '../emit/pictures/index.js';
import { DEFAULT_PAGING } from '../emit/site/paging.js';
import { essayFrame, essayPageHtml } from '../emit/site/essay-page.js';
import type { PageContext } from '../emit/site/pages.js';
import { sitePaths } from '../emit/site/paths.js';
import { anchorSlug } from '../emit/slug.js';
import { createLinkResolver, createMentionMatcher, mentionsInNote, noteConcepts, resolveLinks, type LinkResolver } from '../link/index.js';
import type { PhraseMatcher } from '../link/matcher.js';
import { readLibrary } from '../read/index.js';
import { standbyWorker, type StandbyWorker } from '../read/pool.js';
import { sortBy } from '../util/sort.js';
import type { RuleContext } from '../check/rule.js';
import type { BodyPart, Concept, Diagnostic, Library, LinkedNote, Mention, Note, NoteBodies, NoteBody, NoteId } from '../types.js';

/** What a fast render did. */
export type FastOutcome =
  /** The edited notes' pages, by path under the site folder (`essays/a.html`), as the full build would write them (modulo lag). */
  | { kind: 'pages'; pages: Map<string, Buffer> }
  /** The edit has errors (read failures and note rules): nothing rendered. */
  | { kind: 'errors'; errors: Diagnostic[] }
  /** Not an edit this path handles (see the module comment): only the full build shows it. */
  | { kind: 'declined'; why: string };

/** How long after a save the next parse worker starts (a save sooner starts its own). */
const STANDBY_DELAY_MS = 3000;

/** Where an essay sits in the model: its chapter and place in it. */
interface Place {
  chapter: number;
  index: number;
}

/** The kept state: plain data of the last good build, plus the edits since. */
interface Kept {
  config: Config;
  concepts: Concept[];
  /** Every note's head, in the library's order, edited ones replaced. */
  notes: Note[];
  byPath: Map<string, number>;
  page: PageContext;
  places: Map<NoteId, Place>;
  resolver: LinkResolver;
  matcher: PhraseMatcher;
  /** The edited notes' bodies, read by the fast path; the others come from `bodies`. */
  edited: Map<string, NoteBodies<BodyPart>>;
  /** The edited notes' section anchors (the build's anchors know their old sections). */
  sections: Map<NoteId, string[]>;
  /**
   * The note rules' context, made once (its rules memoize O(notes) indexes
   * on it: a link resolver, titles) and reused while the edited notes keep
   * their id, path, title and aliases; `mentions` is filled per edit.
   */
  rules: { ctx: RuleContext; mentions: Map<NoteId, Mention[]> } | undefined;
}

/** What other notes' rules and links see of a note: a change to it needs a fresh rule context. */
const namesOf = (note: Note): string => JSON.stringify([note.id, note.path, note.meta.title ?? null, note.meta.aliases]);

/**
 * The port `serve` keeps between builds. `prime` takes a linked library (a
 * full build's); `render` handles one batch of saved files.
 */
export class FastRenderer {
  #kept: Kept | null = null;
  /** A parse worker with the parser loaded, waiting for the next save (starting one costs ~0.4 s of CPU). */
  #standby: StandbyWorker | undefined;
  /** The next standby starts a while after a save: not while the page it rendered reloads. */
  #respawn: NodeJS.Timeout | undefined;

  /**
   * @param root the library folder
   * @param bodies where unchanged notes' sources and trees come from (the note cache, read only)
   */
  constructor(
    readonly root: string,
    readonly bodies: EssayBodies,
    readonly memo?: EmitMemo,
  ) {}

  /** Whether a library has been primed (the first full build may still be running). */
  get ready(): boolean {
    return this.#kept !== null;
  }

  /** Forgets the kept state (a config change): `render` declines until the next `prime`. */
  reset(): void {
    this.#kept = null;
    this.close();
  }

  /** Stops the waiting parse worker (it would keep the process alive). */
  close(): void {
    clearTimeout(this.#respawn);
    this.#standby?.release();
    this.#standby = undefined;
  }

  /** Keeps what rendering one essay page needs of `library` (the handbook model: anchors, paths, neighbours). */
  prime(library: Library, config: Config): void {
    const notes = library.notes.map((linked) => linked.note);
    const concepts = library.concepts.map((linked) => linked.concept);
    const model = handbookModel(library, config, this.bodies);
    // As a build makes it (src/emit/site/index.ts): a build's site always has the default paging.
    const page: PageContext = { model, paths: sitePaths(model.ctx), graph: contextGraph(model.ctx), neighbours: neighbourLookup(model.ctx), memo: this.memo, paging: DEFAULT_PAGING };
    const places = new Map<NoteId, Place>();
    model.chapters.forEach((chapter, c) => chapter.essays.forEach((essay, index) => places.set(essay.linked.note.id, { chapter: c, index })));
    this.close();
    this.#standby = standbyWorker(config);
    this.#kept = {
      config,
      concepts,
      notes,
      byPath: new Map(notes.map((note, i) => [note.path, i])),
      page,
      places,
      resolver: createLinkResolver(notes, concepts),
      matcher: createMentionMatcher(notes, concepts),
      edited: new Map(),
      sections: new Map(),
      rules: undefined,
    };
  }

  /** Reads, checks and renders the saved notes `changed` (library-relative paths). */
  async render(changed: readonly string[]): Promise<FastOutcome> {
    const kept = this.#kept;
    if (!kept) return { kind: 'declined', why: 'no build to start from yet' };
    for (const file of changed) {
      if (!file.endsWith('.md') || path.isAbsolute(file)) return { kind: 'declined', why: `${file} is not a note` };
      if (!kept.byPath.has(file)) return { kind: 'declined', why: `${file} is a new note` };
      if (!existsSync(path.join(this.root, file))) return { kind: 'declined', why: `${file} was deleted` };
    }
    const { config } = kept;
    // One parse worker (the one waiting, if any): a runaway note is stopped by its time budget, as in a build.
    const standby = this.#standby;
    const read = await readLibrary(this.root, config, { files: [...changed], workers: 1, standby }).finally(() => {
      standby?.release(); // a no-op when the read took it
      this.#standby = undefined;
      clearTimeout(this.#respawn);
      this.#respawn = setTimeout(() => (this.#standby = standbyWorker(config)), STANDBY_DELAY_MS);
    });
    const shown = (d: Diagnostic): Diagnostic | null => {
      const severity = effectiveSeverity(d.ruleId, d.severity, config);
      return severity === null ? null : { ...d, severity };
    };
    const errors = [...read.diagnostics, ...read.failures.map((f) => f.diagnostic)].flatMap((d) => shown(d) ?? []).filter((d) => d.severity === 'error');
    if (errors.length > 0) return { kind: 'errors', errors };
    const notes = [...kept.notes];
    for (const note of read.notes) {
      const at = kept.byPath.get(note.path)!;
      if (notes[at]!.id !== note.id) return { kind: 'declined', why: `${note.path} has a new id` };
      notes[at] = note;
    }
    const bodies = new Map(kept.edited);
    for (const note of read.notes) bodies.set(note.path, read.bodies);
    const bodyOf = <K extends BodyPart>(note: Note, parts: readonly K[]): Pick<NoteBody, K> =>
      (bodies.get(note.path) ?? (this.bodies as NoteBodies<BodyPart>)).get(note, parts);

    const mentions = new Map(read.notes.map((note) => [note.id, mentionsInNote({ ...note, ...bodyOf(note, ['source', 'prose']) }, kept.matcher)]));
    const same = read.notes.every((note) => namesOf(note) === namesOf(kept.notes[kept.byPath.get(note.path)!]!));
    if (!same) kept.rules = undefined;
    kept.rules ??= (() => {
      const shared = new Map<NoteId, Mention[]>();
      return { ctx: ruleContext({ notes, concepts: kept.concepts, mentions: shared, config }), mentions: shared };
    })();
    for (const [id, found] of mentions) kept.rules.mentions.set(id, found);
    const rules = kept.rules.ctx;
    for (const note of read.notes) errors.push(...checkNote({ ...note, ...bodyOf(note, ['source']) }, rules).filter((d) => d.severity === 'error'));
    if (errors.length > 0) return { kind: 'errors', errors };

    // Link the edited notes against the kept library, then render their pages.
    const { links } = resolveLinks(notes, kept.concepts, read.notes, kept.resolver);
    const counts = noteConcepts(read.notes, kept.concepts, mentions);
    const old = kept.page.model.ctx;
    const linkedNotes = new Map(old.notes);
    const sections = new Map(kept.sections);
    for (const note of read.notes) {
      const before = old.notes.get(note.id)!;
      const concepts = sortBy([...counts.get(note.id)!].map(([id, count]) => ({ id, count })), (c) => c.id);
      linkedNotes.set(note.id, { ...before, note, mentions: mentions.get(note.id)!, links: links.get(note.id) ?? [], concepts });
      sections.set(note.id, sectionAnchors(note, bodyOf(note, ['source', 'tree']), config, old.anchors.note(note.id)!));
    }
    const essayBodies: EssayBodies = { get: (note, parts) => bodyOf(note, parts) };
    const ctx: EmitContext = { ...old, bodies: essayBodies, notes: linkedNotes, anchors: withSections(old.anchors, sections) };
    const chapters = kept.page.model.chapters.map((chapter) => ({ ...chapter, essays: [...chapter.essays] }));
    for (const note of read.notes) {
      const place = kept.places.get(note.id);
      if (place) chapters[place.chapter]!.essays[place.index] = essayPart(linkedNotes.get(note.id)!, ctx);
    }
    const page: PageContext = { ...kept.page, model: { ...kept.page.model, ctx, chapters } };
    const pages = new Map<string, Buffer>();
    for (const note of read.notes) {
      const place = kept.places.get(note.id);
      const name = page.paths.essay(note.id);
      if (!place || !name) continue;
      const chapter = chapters[place.chapter]!;
      const essay = chapter.essays[place.index]!;
      // Rendered, never from the memo: these pages show what the full build has not linked yet.
      const frame = essayFrame(essay, { chapter, chapterIndex: place.chapter, at: place.index }, page);
      pages.set(name, Buffer.from(essayPageHtml(essay, frame, page.paths, config)));
    }
    this.#kept = { ...kept, notes, page, edited: bodies, sections };
    return { kind: 'pages', pages };
  }
}

/**
 * An essay part like the model's (model.ts), rendered on each read of
 * `nodes` through `ctx`. Lookups are not recorded: the fast path keeps no memo.
 */
function essayPart(linked: LinkedNote, ctx: EmitContext): EssayPart {
  return {
    linked,
    anchor: ctx.anchors.note(linked.note.id)!,
    get nodes(): RootContent[] {
      return renderEssay(linked, ctx);
    },
    lookups: [],
  };
}

/**
 * An edited note's section anchors, claimed as createAnchors claims them
 * but only against the note's own (the full build also settles clashes with
 * other notes' anchors, which take another note's id as a prefix: rare).
 */
function sectionAnchors(note: Note, body: Pick<NoteBody, 'source' | 'tree'>, config: Config, base: string): string[] {
  const used = new Set<string>();
  return splitNote(note, body, config).sections.map((section) => {
    const wanted = `${base}--${anchorSlug(section.title)}`;
    let anchor = wanted;
    for (let n = 2; used.has(anchor); n++) anchor = `${wanted}-${n}`;
    used.add(anchor);
    return anchor;
  });
}

/** The build's anchors, with the edited notes' sections as they are now. */
function withSections(anchors: Anchors, sections: ReadonlyMap<NoteId, string[]>): Anchors {
  return {
    ...anchors,
    sectionAt: (id, index) => (sections.has(id as NoteId) ? sections.get(id as NoteId)![index] : anchors.sectionAt(id, index)),
    section: (id, heading) => {
      const list = sections.get(id as NoteId);
      if (!list) return anchors.section(id, heading);
      const wanted = `${anchors.note(id)}--${anchorSlug(heading)}`;
      return list.find((anchor) => anchor === wanted);
    },
  };
}
