import { distance } from 'fastest-levenshtein';
import type { Note } from '../../types.js';
import { compareCodePoints } from '../../util/sort.js';
import { exampleLibrary } from '../examples.js';
import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { memoize } from '../memo.js';
import { at, knownEntries, relationsYaml } from '../relations.js';
import { defineRule, type RuleContext } from '../rule.js';
import { closestMatch } from '../suggest.js';

const conway = exampleNote({ frontmatter: "title: How Do Committees Invent?\nauthor: Melvin Conway\nyear: 1968\nsource: https://example.com/conway\naliases: [Conway's paper]" });
const withRelations = (relations: Record<string, string[]>) => exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml(relations)}` });

/**
 * A `relations:` item that names no note (by id, path, title or alias, as a
 * wikilink would find it; a concept's name does not count). The closest
 * title, alias or id is suggested, and when exactly one name of one note is
 * closest, `--fix` writes it in. A note rule that reads every note's names,
 * as wikilink-unresolved does, so lint keeps its results for an unchanged
 * note while the names stay the same.
 */
export default defineRule({
  id: 'relation-unknown-target',
  description: 'Each note under `relations:` must name a note by file name, title or alias; the closest title is suggested, and fixed when unambiguous.',
  severity: 'error',
  scope: 'note',
  fixable: true,
  examples: {
    ok: [exampleLibrary({ 'example.md': withRelations({ 'builds-on': ["Conway's paper", 'conway'], 'responds-to': ['how do committees invent?'] }), 'conway.md': conway })],
    notOk: [exampleLibrary({ 'example.md': withRelations({ 'builds-on': ['How Do Comittees Invent?'] }), 'conway.md': conway }), withRelations({ 'builds-on': ['Team Topologies'] })],
  },
  check(note, report, ctx) {
    for (const { entry, to } of knownEntries(note, ctx)) {
      if (to !== null) continue;
      const near = closestName(entry.target, ctx);
      const unambiguous = near !== null && near.count === 1 && entry.end > entry.start;
      report({
        message: `No note "${entry.target}" for "${entry.type}": no file name, title or alias matches${near === null ? '; write a note\'s title' : `; did you mean "${near.name}"?`}`,
        ...at(entry),
        ...(unambiguous ? { fix: { start: entry.start, end: entry.end, text: yamlScalar(near.name) } } : {}),
      });
    }
  },
});

/** Every name a note answers to (title, aliases, id), each with the notes that have it. */
function noteNames(ctx: RuleContext): Map<string, Set<string>> {
  return memoize(ctx, 'relationTargetNames', () => {
    const names = new Map<string, Set<string>>();
    const add = (name: string | undefined, note: Note) => {
      if (name === undefined || name.trim() === '') return;
      const key = name.trim();
      const set = names.get(key);
      if (set) set.add(note.id);
      else names.set(key, new Set([note.id]));
    };
    for (const note of ctx.notes) for (const name of [note.meta.title, ...note.meta.aliases, note.id]) add(name, note);
    return names;
  });
}

/**
 * The closest name (`closestMatch`), and how many names of how many notes are
 * as close: a fix is only safe when it is one name of one note.
 */
function closestName(written: string, ctx: RuleContext): { name: string; count: number } | null {
  const names = noteNames(ctx);
  const best = closestMatch(written, names.keys());
  if (best === null) return null;
  const d = distance(written.toLowerCase(), best.toLowerCase());
  const tied = [...names.keys()].filter((name) => distance(written.toLowerCase(), name.toLowerCase()) === d).sort(compareCodePoints);
  const notes = new Set(tied.flatMap((name) => [...(names.get(name) ?? [])]));
  return { name: best, count: tied.length === 1 && notes.size === 1 ? 1 : Math.max(tied.length, notes.size) };
}

/** A name as a YAML scalar that reads back the same in a block or a flow list: plain when safe, else double-quoted. */
export function yamlScalar(name: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} '.?-]*$/u.test(name) && !/ $/u.test(name) ? name : JSON.stringify(name);
}
