/**
 * The handbook as a list of mdast parts, built once per library and shared by
 * the Markdown and HTML emitters so both carry the same content and links.
 * Parts are never mutated after building.
 */
import type { RootContent } from 'mdast';
import type { Config } from '../config.js';
import type { Library, LinkedNote } from '../types.js';
import { FIXED_ANCHORS } from './anchors.js';
import { renderAuthorIndex, renderBibliography, renderGlossary } from './back-matter.js';
import { renderDebates } from './debates.js';
import { noteTitle } from './chapters.js';
import { createContext, type EmitContext, type EssayBodies } from './context.js';
import { renderEssay } from './essay.js';
import { anchorLink, anchoredHeading, paragraph, text } from './mdast-build.js';
import { recordingContext, type Lookup } from './memo.js';

/** One essay, ready to render. Its nodes are built when read (a memo hit never needs them). */
export interface EssayPart {
  linked: LinkedNote;
  anchor: string;
  /** Rendered afresh on each read: read it once per use. */
  readonly nodes: RootContent[];
  /** What rendering `nodes` looked up in the rest of the library (see memo.ts). */
  readonly lookups: Lookup[];
}

/** One chapter: its anchored heading and essays. */
export interface ChapterPart {
  title: string;
  anchor: string;
  heading: RootContent;
  essays: EssayPart[];
}

/** The whole handbook, in reading order. */
export interface HandbookModel {
  ctx: EmitContext;
  titlePage: RootContent[];
  contents: RootContent[];
  chapters: ChapterPart[];
  /** Debates (when the library has any), glossary, bibliography, author index: each begins with its anchored h2. */
  backMatter: { anchor: string; title: string; nodes: RootContent[] }[];
}

/** The notice an empty library's handbook shows instead of chapters (as plain text). */
export const EMPTY_NOTICE = 'This library has no notes yet. Add essays to the library folder and run commonplace build again.';

/** Builds the handbook model of a library (once a build: see `RenderedEssays`, which holds it). */
export function handbookModel(library: Library, config: Config, bodies: EssayBodies): HandbookModel {
  const ctx = createContext(library, config, bodies);
  const chapters: ChapterPart[] = ctx.chapters.map((chapter, i) => {
    const anchor = ctx.anchors.chapter(i);
    return {
      title: chapter.title,
      anchor,
      heading: anchoredHeading(2, anchor, [text(chapter.title)], 'chapter-title'),
      essays: chapter.notes.map((linked) => essayPart(linked, ctx)),
    };
  });
  const debates = ctx.debates.length === 0 ? [] : [{ anchor: FIXED_ANCHORS.debates, title: 'Debates', nodes: renderDebates(ctx, ctx.debates) }];
  const backMatter = [
    ...debates,
    { anchor: FIXED_ANCHORS.glossary, title: 'Glossary', nodes: renderGlossary(ctx) },
    { anchor: FIXED_ANCHORS.bibliography, title: 'Bibliography', nodes: renderBibliography(ctx) },
    { anchor: FIXED_ANCHORS.authors, title: 'Authors', nodes: renderAuthorIndex(ctx) },
  ];
  return { ctx, titlePage: titlePage(ctx), contents: contents(chapters, backMatter), chapters, backMatter };
}

/**
 * An essay whose nodes are rendered on each use, through a recording view of
 * the context. Only the lookups are kept: the nodes hold the note's tree, and
 * keeping every essay's would keep every tree alive for the whole build; an
 * essay is normally rendered once (to serialise it), and rendering is pure.
 */
function essayPart(linked: LinkedNote, ctx: EmitContext): EssayPart {
  let lookups: Lookup[] | undefined;
  const render = (): RootContent[] => {
    const recorded = new Map<string, Lookup>();
    const nodes = renderEssay(linked, recordingContext(ctx, recorded));
    lookups ??= [...recorded.values()];
    return nodes;
  };
  return {
    linked,
    anchor: ctx.anchors.note(linked.note.id)!,
    get nodes() {
      return render();
    },
    get lookups() {
      if (lookups === undefined) render();
      return lookups!;
    },
  };
}

function titlePage(ctx: EmitContext): RootContent[] {
  const { handbook } = ctx.config;
  const out: RootContent[] = [anchoredHeading(1, FIXED_ANCHORS.title, [text(handbook.title || 'Commonplace')], 'handbook-title')];
  if (handbook.subtitle) out.push(paragraph([{ type: 'emphasis', children: [text(handbook.subtitle)] }], 'subtitle'));
  if (handbook.editor) out.push(paragraph([text(`Edited by ${handbook.editor}`)], 'editor'));
  const { notes, concepts } = ctx.library;
  if (notes.length === 0) {
    const [before, after] = EMPTY_NOTICE.split('commonplace build') as [string, string];
    out.push(paragraph([text(before), { type: 'inlineCode', value: 'commonplace build' }, text(after)], 'notice'));
  }
  else out.push(paragraph([text(`${count(notes.length, 'essay')} · ${count(concepts.length, 'concept')}`)], 'counts'));
  return out;
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function contents(chapters: ChapterPart[], backMatter: HandbookModel['backMatter']): RootContent[] {
  const item = (children: RootContent[]): RootContent => ({ type: 'listItem', spread: false, children: children as never });
  const list = (items: RootContent[]): RootContent => ({ type: 'list', ordered: false, spread: false, children: items as never });
  const items = chapters.map((chapter) =>
    item([
      paragraph([anchorLink(chapter.anchor, chapter.title)]),
      list(chapter.essays.map((e) => item([paragraph([anchorLink(e.anchor, noteTitle(e.linked))])]))),
    ]),
  );
  items.push(...backMatter.map((part) => item([paragraph([anchorLink(part.anchor, part.title)])])));
  return [anchoredHeading(2, FIXED_ANCHORS.contents, [text('Contents')]), list(items)];
}
