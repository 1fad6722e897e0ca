/**
 * How typed relations read in an essay: one line per relation and direction,
 * "Responds to *X*" on the declaring essay, "Responded to by *Y*" on its
 * target, each title a link to the other essay. Declared relations come
 * first, then received ones, each in vocabulary order, then by title.
 */
import type { Link, Paragraph, PhrasingContent } from 'mdast';
import { relationPhrase, relationVocabulary } from '../link/relation-types.js';
import type { LinkedNote, Relation } from '../types.js';
import { sortBy } from '../util/sort.js';
import { noteTitle } from './chapters.js';
import type { EmitContext } from './context.js';
import { joinNames, paragraph, text } from './mdast-build.js';

/** A link to another essay with its title in italics: `[*Title*](#anchor)`. */
export function essayLink(anchor: string, title: string): Link {
  return { type: 'link', url: `#${anchor}`, children: [{ type: 'emphasis', children: [text(title)] }] };
}

/** The essay's relation lines (none when it has no relations to essays in the handbook). */
export function relationLines(linked: LinkedNote, ctx: EmitContext): Paragraph[] {
  const vocabulary = relationVocabulary(ctx.config);
  const order = [...vocabulary.keys()];
  const groups = new Map<string, { relation: Relation; links: { title: string; id: string; link: Link }[] }>();
  for (const relation of linked.relations) {
    const other = ctx.notes.get(relation.id);
    const anchor = ctx.anchors.note(relation.id);
    if (!other || !anchor) continue;
    const key = `${relation.direction}\0${relation.type}`;
    const group = groups.get(key) ?? { relation, links: [] };
    group.links.push({ title: noteTitle(other), id: relation.id, link: essayLink(anchor, noteTitle(other)) });
    groups.set(key, group);
  }
  const rank = (type: string): number => (order.includes(type) ? order.indexOf(type) : order.length);
  return sortBy([...groups.values()], (g) => (g.relation.direction === 'out' ? 0 : 1), (g) => rank(g.relation.type), (g) => g.relation.type).map(({ relation, links }) => {
    const names: PhrasingContent[][] = sortBy(links, (l) => l.title, (l) => l.id).map((l) => [l.link]);
    return paragraph([text(`${relationPhrase(vocabulary, relation.type, relation.direction)} `), ...joinNames(names)], 'essay-relation');
  });
}
