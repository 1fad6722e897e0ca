/**
 * Shared shape of the duplicate rules: group notes by a key, and report on
 * every file of a group, each pointing at the others (`related`).
 */
import type { Note, Span } from '../types.js';
import { sortBy } from '../util/sort.js';
import type { LibraryReport } from './rule.js';

/**
 * Groups `notes` by `key` (null = not comparable) and reports each member of
 * every group of two or more at `where(note)` (else line 1), in path order.
 */
export function reportGroups(
  notes: readonly Note[],
  key: (note: Note) => string | null,
  where: (note: Note) => Span | undefined,
  message: (note: Note, otherPaths: string[]) => string,
  report: (r: LibraryReport) => void,
): void {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    const k = key(note);
    if (k === null || k === '') continue;
    const group = groups.get(k);
    if (group) group.push(note);
    else groups.set(k, [note]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const members = sortBy(group, (n) => n.path);
    for (const note of members) {
      const others = members.filter((n) => n !== note);
      const at = where(note);
      report({
        file: note.path,
        message: message(
          note,
          others.map((n) => n.path),
        ),
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        endLine: at?.endLine,
        endColumn: at?.endColumn,
        related: others.map((n) => {
          const there = where(n);
          return { file: n.path, line: there?.line ?? 1, column: there?.column ?? 1, message: 'duplicate here' };
        }),
      });
    }
  }
}
