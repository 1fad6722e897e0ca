/**
 * Where the essays disagree: each pair or cluster of essays joined by
 * `contradicts` (either way; a cluster is a connected group) is one debate.
 * The "Debates" part shows each debate's essays side by side (a table, one
 * column per essay, one row per argued section: the central argument and
 * the critique), grouped by the concepts the debate's essays share. The
 * glossary (and the site's concept pages) list the debates about a concept.
 */
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Config } from '../config.js';
import { CONTRADICTS } from '../link/relation-types.js';
import type { ConceptId, Library, LinkedNote, NoteId } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { FIXED_ANCHORS } from './anchors.js';
import { noteTitle } from './chapters.js';
import type { EmitContext } from './context.js';
import { anchorLink, anchoredHeading, joinNames, paragraph, text } from './mdast-build.js';
import { anchorSlug } from './slug.js';

/** One debate: essays joined by `contradicts`, and the concepts at least two of them share. */
export interface Debate {
  /** `debate-<first id>`: unique, as debates share no essay. */
  anchor: string;
  /** Its essays' ids, by title then id. */
  notes: NoteId[];
  /** Who contradicts whom, as declared: [from, to], sorted. */
  edges: [NoteId, NoteId][];
  /** Concepts two or more of its essays have (declared or mentioned), by name then id. */
  concepts: ConceptId[];
}

/** The debates of a library, in group order (shared concepts' names), then by their first essay's title. */
export function findDebates(library: Library): Debate[] {
  const byId = new Map(library.notes.map((n) => [n.note.id, n]));
  const edges: [NoteId, NoteId][] = [];
  for (const linked of library.notes) {
    for (const r of linked.relations) if (r.type === CONTRADICTS && r.direction === 'out' && byId.has(r.id)) edges.push([linked.note.id, r.id]);
  }
  // Connected groups by union-find over the (few) contradicting notes.
  const parent = new Map<NoteId, NoteId>();
  const root = (id: NoteId): NoteId => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  for (const [a, b] of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [x, y] = [root(a), root(b)].sort(compareCodePoints) as [NoteId, NoteId];
    parent.set(y, x);
  }
  const groups = new Map<NoteId, NoteId[]>();
  for (const id of [...parent.keys()].sort(compareCodePoints)) {
    const r = root(id);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  }
  const names = new Map(library.concepts.map((c) => [c.concept.id, c.concept.name]));
  const debates = [...groups.values()].map((ids): Debate => {
    const members = sortBy(ids.map((id) => byId.get(id)!), noteTitle, (n) => n.note.id);
    const counts = new Map<ConceptId, number>();
    for (const m of members) for (const c of m.concepts) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    const shared = sortBy([...counts].filter(([, n]) => n >= 2).map(([id]) => id), (id) => (names.get(id) ?? id).toLowerCase(), (id) => id);
    const set = new Set(ids);
    return {
      anchor: `debate-${anchorSlug(members[0]!.note.id)}`,
      notes: members.map((m) => m.note.id),
      edges: sortBy(edges.filter(([a]) => set.has(a)), ([a]) => a, ([, b]) => b),
      concepts: shared,
    };
  });
  return sortBy(debates, (d) => (d.concepts.length === 0 ? 1 : 0), (d) => groupTitle(d, names), (d) => noteTitle(byId.get(d.notes[0]!)!), (d) => d.anchor);
}

const groupTitle = (debate: Debate, names: ReadonlyMap<string, string>): string => debate.concepts.map((id) => names.get(id) ?? id).join(', ').toLowerCase();

/** The sections a debate sets side by side: the central argument and the critique when configured, else the first two sections. */
export function debateSections(config: Config): Config['sections'] {
  const argued = config.sections.filter((s) => s.key === 'centralArgument' || s.key === 'critique');
  return argued.length > 0 ? argued : config.sections.slice(0, 2);
}

/** The "Debates" part: an anchored h2, then each group of debates (h3) and each debate (h4, a line on who contradicts whom, the table). */
export function renderDebates(ctx: EmitContext, debates: readonly Debate[]): RootContent[] {
  const out: RootContent[] = [anchoredHeading(2, FIXED_ANCHORS.debates, [text('Debates')])];
  out.push(paragraph([text('Essays that contradict one another, side by side, grouped by the concepts they share.')], 'debates-intro'));
  let group: string | undefined;
  for (const debate of debates) {
    const title = debate.concepts.length === 0 ? 'Other debates' : `On ${debate.concepts.map((id) => ctx.concepts.get(id)?.concept.name ?? id).join(', ')}`;
    if (title !== group) {
      group = title;
      const concepts = debate.concepts.flatMap((id) => {
        const anchor = ctx.anchors.concept(id);
        const name = ctx.concepts.get(id)?.concept.name;
        return anchor && name ? [[anchorLink(anchor, name)] as PhrasingContent[]] : [];
      });
      out.push({ type: 'heading', depth: 3, children: debate.concepts.length === 0 ? [text(title)] : [text('On '), ...joinNames(concepts)], data: { hProperties: { className: ['debate-group'] } } });
    }
    out.push(...renderDebate(ctx, debate));
  }
  return out;
}

function renderDebate(ctx: EmitContext, debate: Debate): RootContent[] {
  const notes = debate.notes.map((id) => ctx.notes.get(id)!);
  const link = (n: LinkedNote): PhrasingContent => ({ type: 'emphasis', children: [anchorLink(ctx.anchors.note(n.note.id)!, noteTitle(n))] });
  const out: RootContent[] = [anchoredHeading(4, debate.anchor, [text(notes.map(noteTitle).join(' vs '))], 'debate-title')];
  for (const [from, to] of debate.edges) {
    out.push(paragraph([link(ctx.notes.get(from)!), text(' contradicts '), link(ctx.notes.get(to)!), text('.')], 'debate-claim'));
  }
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
  const header: TableRow = { type: 'tableRow', children: [cell([text('')]), ...notes.map((n) => cell([link(n)]))] };
  const rows: TableRow[] = debateSections(ctx.config).map((spec) => ({
    type: 'tableRow',
    children: [cell([{ type: 'strong', children: [text(spec.heading)] }]), ...notes.map((n) => cell([text(n.note.sections.find((s) => s.key === spec.key)?.text.replace(/\s+/g, ' ').trim() ?? '')]))],
  }));
  // One align entry per column: mdast-util-to-hast renders as many cells as there are entries.
  const table: Table = { type: 'table', align: [null, ...notes.map(() => null)], children: [header, ...rows], data: { hProperties: { className: ['debate-sides'] } } };
  out.push(table);
  return out;
}

/** Links to the debates about a concept (for its glossary entry and concept page). */
export function debatesAbout(id: ConceptId, ctx: EmitContext): { anchor: string; title: string }[] {
  return ctx.debates.filter((d) => d.concepts.includes(id)).map((d) => ({ anchor: d.anchor, title: d.notes.map((n) => noteTitle(ctx.notes.get(n)!)).join(' vs ') }));
}
