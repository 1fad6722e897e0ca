/**
 * A concept's pages (`concepts/<id>.html`, then `concepts/<id>/page-2.html`…)
 * and their memo entries. Like an essay's page (essay-page.ts), a page is
 * built from a frame of plain data read from the notes' heads (the concept,
 * its see-also and debates, and for each essay listed its title, authors,
 * year, content hash and mentions of the concept), and kept in the memo
 * under that frame: an unchanged page is neither rendered nor does it read
 * a body. The sentences quoted are cut from a note's source only when that
 * note changed (and kept per note, so a page that changed reads one body).
 */
import type { RootContent as HastContent, Element } from 'hast';
import { h } from 'hastscript';
import type { Config } from '../../config.js';
import type { LinkedConcept, LinkedNote, Mention } from '../../types.js';
import { compareCodePoints, sortBy } from '../../util/sort.js';
import { noteTitle } from '../chapters.js';
import { noteAuthors, type EssayBodies } from '../context.js';
import { debatesAbout } from '../debates.js';
import { memoisedByNodes, type EmitMemo } from '../memo.js';
import { conceptSentences, type Sentence } from './concordance.js';
import { renderPage } from './layout.js';
import type { PageContext } from './pages.js';
import { countLine, pageNav, pageTitle, type ListPage } from './paging.js';
import { hrefFrom } from './paths.js';

/** An essay in a concordance, as the page shows it, with what its sentences are cut from. */
interface ConcordanceEntry {
  id: string;
  href: string;
  title: string;
  authors: string[];
  /** The year heading it sits under (`Undated` without one). */
  year: string;
  /** The note's path and content hash (empty when it has no mention), and its mentions of the concept: all its sentences depend on. */
  path: string;
  hash: string;
  mentions: Mention[];
}

/** Everything a concept page shows, as plain data (the memo key holds it whole). */
interface ConceptFrame {
  title: string;
  /** True when the site has a debates page (the navigation links it). */
  debates: boolean;
  concept: { id: string; name: string; definition: string; aliases: string[] };
  /** The first page's see-also (linked when the concept has a page) and debates. */
  see: { text: string; href: string | undefined }[];
  debateLinks: { title: string; href: string; comma: boolean }[];
  page: ListPage<ConcordanceEntry>;
}

/** The essays in a concept's concordance: every note that names it or lists it, by year (undated last), title and id. */
export function concordanceNotes(linked: LinkedConcept, { model }: Pick<PageContext, 'model'>): LinkedNote[] {
  const ctx = model.ctx;
  return sortBy(
    [...new Set([...linked.notes, ...linked.backlinks])].flatMap((id) => ctx.notes.get(id) ?? []),
    (n) => (n.note.meta.year === undefined ? 1 : 0),
    (n) => n.note.meta.year ?? 0,
    noteTitle,
    (n) => n.note.id,
  );
}

/** The frame of one page of a concept (reads no body). */
function conceptFrame(linked: LinkedConcept, part: ListPage<LinkedNote>, { model, paths }: PageContext): ConceptFrame {
  const { concept } = linked;
  const ctx = model.ctx;
  const from = part.path;
  const first = part.index === 0;
  const see = first
    ? concept.see.map((name) => {
        const target = ctx.conceptsByName.get(name.trim().toLowerCase());
        const to = target && paths.concept(target.concept.id);
        return to ? { text: target.concept.name, href: hrefFrom(from, to) } : { text: name, href: undefined };
      })
    : [];
  const debateLinks = first
    ? debatesAbout(concept.id, ctx).flatMap((d, i) => {
        const target = paths.anchor(d.anchor);
        return target ? [{ title: d.title, href: hrefFrom(from, target.page, target.fragment), comma: i > 0 }] : [];
      })
    : [];
  const items = part.items.map((note): ConcordanceEntry => {
    const mentions = note.mentions.filter((m) => m.kind === 'concept' && m.target === concept.id);
    // A note that only lists the concept shows no sentence: its content is then no input of the page.
    const quoted = mentions.length > 0;
    return {
      id: note.note.id,
      href: hrefFrom(from, paths.essay(note.note.id)!),
      title: noteTitle(note),
      authors: noteAuthors(note),
      year: note.note.meta.year === undefined ? 'Undated' : String(note.note.meta.year),
      path: quoted ? note.note.path : '',
      hash: quoted ? note.note.hash : '',
      mentions,
    };
  });
  return {
    title: pageTitle(concept.name, part.index, part.paths.length),
    debates: ctx.debates.length > 0,
    concept: { id: concept.id, name: concept.name, definition: concept.definition.trim(), aliases: concept.aliases },
    see,
    debateLinks,
    page: { ...part, items },
  };
}

/**
 * One page of a concept: the first has the definition, aliases, see-also
 * and debates; every page has its part of the concordance, by year, each
 * essay with the sentences naming the concept (`sentences`).
 */
function conceptMain(frame: ConceptFrame, sentences: (entry: ConcordanceEntry) => Sentence[]): HastContent[] {
  const { concept, page } = frame;
  const from = page.path;
  const out: HastContent[] = [];
  if (page.index > 0) out.push(h('p', { className: ['chapter-link'] }, [h('a', { href: hrefFrom(from, page.paths[0]!) }, concept.name)]));
  out.push(h('h1', concept.name));
  if (page.index === 0) {
    if (concept.definition) out.push(h('p', { className: ['definition'] }, concept.definition));
    if (concept.aliases.length > 0) out.push(h('p', { className: ['aliases'] }, [h('strong', 'Also called:'), ` ${concept.aliases.join(', ')}`]));
    const see = frame.see.flatMap(({ text, href }, i) => [i > 0 ? ', ' : '', href ? h('a', { href }, text) : text]);
    if (see.length > 0) out.push(h('p', { className: ['see-also'] }, [h('strong', 'See also:'), ' ', ...see]));
    const debates = frame.debateLinks.flatMap(({ title, href, comma }) => [comma ? ', ' : '', h('a', { href }, title)]);
    if (debates.length > 0) out.push(h('p', { className: ['concept-debates'] }, [h('strong', 'Debates:'), ' ', ...debates]));
  }
  out.push(h('h2', 'Concordance'));
  if (page.total === 0) out.push(h('p', { className: ['notice'] }, 'No essay names this concept yet.'));
  else if (page.paths.length > 1) out.push(h('p', { className: ['counts'] }, countLine(page)));
  let year: string | undefined;
  let list: Element | undefined;
  for (const entry of page.items) {
    if (entry.year !== year || !list) {
      year = entry.year;
      list = h('ul', { className: ['concordance'] });
      out.push(h('h3', entry.year), list);
    }
    const quotes = sentences(entry).map((parts) => h('blockquote', parts.map((p) => (p.mark ? h('mark', p.text) : p.text))));
    list.children.push(
      h('li', [
        h('a', { href: entry.href }, entry.title),
        entry.authors.length > 0 ? h('span', { className: ['essay-meta'] }, ` · ${entry.authors.join(', ')}`) : '',
        ...(quotes.length > 0 ? quotes : [h('p', { className: ['essay-line'] }, 'Listed among its concepts.')]),
      ]),
    );
  }
  const nav = pageNav(page, `${concept.name}, concordance`);
  if (nav) out.push(nav);
  return out;
}

/**
 * The HTML of one page of a concept: from `page.memo` under its frame and
 * the config (`settings`, the config as JSON), or rendered and stored.
 */
export function conceptPageText(linked: LinkedConcept, part: ListPage<LinkedNote>, page: PageContext, config: Config, settings: string): string {
  const frame = conceptFrame(linked, part, page);
  const { memo, model } = page;
  const sentences = (entry: ConcordanceEntry): Sentence[] => {
    if (entry.mentions.length === 0) return [];
    const quoted = noteSentences(model.ctx.notes.get(entry.id)!, model.ctx.bodies, memo);
    return quoted.find(([id]) => id === frame.concept.id)?.[1] ?? [];
  };
  const render = (): string => renderPage({ path: frame.page.path, title: frame.title, main: conceptMain(frame, sentences), debates: frame.debates }, config);
  return memoisedByNodes(memo, 'site-concept', [settings, frame], render);
}

/**
 * A note's sentences naming each concept it mentions, as [concept id,
 * sentences] pairs (an id may be `__proto__`), by concept id: one memo
 * entry per note, under its path, content hash and concept mentions (all
 * they depend on), so it is cut from the source once, when the note changed.
 */
function noteSentences(linked: LinkedNote, bodies: EssayBodies, memo: EmitMemo | undefined): [string, Sentence[]][] {
  const mentions = linked.mentions.filter((m) => m.kind === 'concept');
  const cut = (): string => {
    const { source } = bodies.get(linked.note, ['source']);
    const ids = [...new Set(mentions.map((m) => m.target))].sort(compareCodePoints);
    return JSON.stringify(ids.map((id) => [id, conceptSentences(mentions, id, source)]));
  };
  return JSON.parse(memoisedByNodes(memo, 'site-sentences', [linked.note.path, linked.note.hash, mentions], cut)) as [string, Sentence[]][];
}
