/**
 * An essay's page (`essays/<id>.html`), and its memo entry, so that a build
 * after one edit renders only the pages whose inputs changed.
 *
 * The page is the handbook's essay (its nodes, as memo.ts records them:
 * the note and its link data make the key, lookups of other notes are
 * recorded and checked) relinked to site pages (each anchor's page recorded
 * and checked the same way), inside a frame of plain data (`EssayFrame`:
 * chapter, previous/next, tags, concepts, neighbourhood, debates). The frame
 * is computed without the note's body on every build and is part of the key,
 * so whatever the page shows around the essay is a key input by construction.
 */
import type { RootContent as HastContent, Element } from 'hast';
import { h } from 'hastscript';
import type { Config } from '../../config.js';
import { noteTitle } from '../chapters.js';
import { renderEssayHtml } from '../html-essay.js';
import { essayMemoKey, recall, remember } from '../memo.js';
import type { ChapterPart, EssayPart } from '../model.js';
import { neighbourhoodData, neighbourhoodFigure, type NeighbourhoodData } from '../pictures/index.js';
import { renderPage } from './layout.js';
import { safe, type PageContext } from './pages.js';
import { pagePaths } from './paging.js';
import { hrefFrom, tagsOf, type PageTarget, type SitePaths } from './paths.js';

/** Where an essay sits in the model: its chapter, that chapter's index, and its place in the chapter. */
export interface EssayPlace {
  chapter: ChapterPart;
  chapterIndex: number;
  at: number;
}

/** A link as the frame shows it: the text and the href from the essay's page. */
interface FrameLink {
  text: string;
  href: string;
}

/** Everything an essay page shows besides the essay itself, as plain data (the memo key holds it whole). */
export interface EssayFrame {
  /** The page, from the site root. */
  path: string;
  title: string;
  /** True when the site has a debates page (the navigation links it). */
  debates: boolean;
  /** The chapter's page that lists this essay. */
  chapter: FrameLink;
  /** Each tag, linked when it has a page. */
  tags: { tag: string; href: string | undefined }[];
  /** The concepts the essay names or lists that have a page, with their definitions. */
  concepts: { id: string; name: string; definition: string; href: string }[];
  neighbourhood: NeighbourhoodData | null;
  previous: FrameLink | undefined;
  next: FrameLink | undefined;
}

/** The frame of `essay`'s page (reads no body: linear in the essay's concepts, links and neighbours). */
export function essayFrame(essay: EssayPart, place: EssayPlace, { model, paths, neighbours, paging }: PageContext): EssayFrame {
  const { linked } = essay;
  const { chapter, at } = place;
  const from = paths.essay(linked.note.id)!;
  // The chapter link lands on the chapter's page that lists this essay.
  const chapterPages = pagePaths(paths.chapter(place.chapterIndex), Math.ceil(chapter.essays.length / paging.essaysPerPage));
  const link = (other: EssayPart | undefined): FrameLink | undefined => other && { text: noteTitle(other.linked), href: hrefFrom(from, paths.essay(other.linked.note.id)!) };
  return {
    path: from,
    title: linked.note.meta.title?.trim() || linked.note.id,
    debates: model.ctx.debates.length > 0,
    chapter: { text: chapter.title, href: hrefFrom(from, chapterPages[Math.floor(at / paging.essaysPerPage)]!) },
    tags: tagsOf(linked).map((tag) => {
      const to = paths.tag(tag);
      return { tag, href: to && hrefFrom(from, to) };
    }),
    concepts: linked.concepts.flatMap(({ id }) => {
      const target = model.ctx.concepts.get(id);
      const page = paths.concept(id);
      return target && page ? [{ id, name: target.concept.name, definition: target.concept.definition.trim(), href: hrefFrom(from, page) }] : [];
    }),
    neighbourhood: neighbourhoodData(linked, neighbours),
    previous: link(chapter.essays[at - 1]),
    next: link(chapter.essays[at + 1]),
  };
}

/** An essay page's main content: the handbook's essay (byline, summary, sections, related, mentioned in) and the frame around it. */
export function essayMain(essay: EssayPart, frame: EssayFrame, paths: SitePaths): HastContent[] {
  const article = renderEssayHtml({ anchor: essay.anchor, nodes: essay.nodes });
  // The site shows concepts with their definitions (below), not as the handbook's one line.
  article.children = article.children.filter((node) => !(node.type === 'element' && hasClass(node, 'essay-concepts')));
  const content = safe([article], frame.path, paths, 2);
  if (frame.tags.length > 0) {
    const links = frame.tags.flatMap(({ tag, href }, i) => [...(i > 0 ? [', '] : []), href ? h('a', { href, rel: 'tag' }, tag) : tag]);
    afterByline(content, h('p', { className: ['essay-tags'] }, [h('span', 'Tags: '), ...links]));
  }
  const out: HastContent[] = [h('p', { className: ['chapter-link'] }, [h('a', { href: frame.chapter.href }, frame.chapter.text)]), ...content];
  if (frame.neighbourhood) out.push(neighbourhoodFigure(frame.neighbourhood));
  if (frame.concepts.length > 0) {
    const items = frame.concepts.map(({ id, name, definition, href }) => {
      const tipId = `definition-${id}`;
      return h('li', [
        h('a', { className: ['concept-link'], href, ariaDescribedBy: definition ? tipId : undefined }, name),
        definition ? h('span', { className: ['concept-tip'], role: 'tooltip', id: tipId }, definition) : '',
      ]);
    });
    out.push(h('section', { className: ['essay-concept-list'], ariaLabelledBy: 'concepts-heading' }, [h('h2', { id: 'concepts-heading' }, 'Concepts'), h('ul', items)]));
  }
  const { previous, next } = frame;
  if (previous || next) {
    out.push(
      h('nav', { className: ['pager'], ariaLabel: `${frame.chapter.text}: previous and next` }, [
        previous ? h('a', { rel: 'prev', href: previous.href }, `← ${previous.text}`) : h('span'),
        next ? h('a', { rel: 'next', href: next.href }, `${next.text} →`) : h('span'),
      ]),
    );
  }
  return out;
}

/** The page's HTML, rendered (the essay's body fetched): `essayPageText` without a memo. */
export function essayPageHtml(essay: EssayPart, frame: EssayFrame, paths: SitePaths, config: Config): string {
  return renderPage({ path: frame.path, title: frame.title, main: essayMain(essay, frame, paths), debates: frame.debates }, config);
}

/** An anchor the relinked essay looked up, and the page (`page#fragment`) it landed on, or null. */
type AnchorLookup = [anchor: string, target: string | null];

const targetOf = (target: PageTarget | undefined): string | null => (target ? `${target.page}#${target.fragment}` : null);

/**
 * The page's HTML: from `page.memo` when the key (note, link data, config,
 * frame) matches and every recorded lookup still gives the same answer;
 * otherwise rendered (fetching the note's body) and stored. `settings` is
 * the config as JSON (computed once a build).
 */
export function essayPageText(essay: EssayPart, place: EssayPlace, page: PageContext, config: Config, settings: string): string {
  const frame = essayFrame(essay, place, page);
  const { memo, model, paths } = page;
  const render = (recorded: SitePaths): string => essayPageHtml(essay, frame, recorded, config);
  if (!memo) return render(paths);
  const key = essayMemoKey(essay.linked, settings, 'site-essay', frame);
  const stored = recall(memo, key, model.ctx);
  if (stored !== undefined) {
    const lineEnd = stored.indexOf('\n');
    const anchors = parseAnchors(stored.slice(0, lineEnd));
    if (lineEnd >= 0 && anchors?.every(([anchor, target]) => targetOf(paths.anchor(anchor)) === target)) return stored.slice(lineEnd + 1);
  }
  const anchors = new Map<string, AnchorLookup>();
  const recording: SitePaths = {
    ...paths,
    anchor: (anchor) => {
      const target = paths.anchor(anchor);
      anchors.set(anchor, [anchor, targetOf(target)]);
      return target;
    },
  };
  const html = render(recording);
  // The anchors as one JSON line (JSON escapes line breaks), then the page as is.
  remember(memo, key, `${JSON.stringify([...anchors.values()])}\n${html}`, essay.lookups);
  return html;
}

/** The recorded anchors, or undefined for a line that is not a list of them (a foreign entry is a miss). */
function parseAnchors(line: string): AnchorLookup[] | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    const ok = Array.isArray(value) && value.every((a: unknown) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && (typeof a[1] === 'string' || a[1] === null));
    return ok ? (value as AnchorLookup[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Puts `line` (built here, so trusted) right after the essay's byline, in the sanitised article. */
function afterByline(content: HastContent[], line: Element): void {
  for (const node of content) {
    if (node.type !== 'element') continue;
    const at = node.children.findIndex((child) => child.type === 'element' && hasClass(child, 'byline'));
    if (at >= 0) return void node.children.splice(at + 1, 0, line);
  }
}

const hasClass = (node: Element, name: string): boolean => Array.isArray(node.properties.className) && node.properties.className.includes(name);
