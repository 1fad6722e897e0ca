/**
 * Front-matter problems are found by the reader (it has the parser); each
 * kind is judged by its own rule so it can be configured and documented
 * alone. This turns one problem kind into a rule's check.
 */
import type { FrontmatterProblemKind, Note } from '../types.js';
import type { Report } from './rule.js';

/** Reports every problem of `kind` on the note, with the reader's position and message (which says how to fix it). */
export function reportProblems(note: Note, kind: FrontmatterProblemKind, report: (r: Report) => void): void {
  for (const problem of note.frontmatter?.problems ?? []) {
    if (problem.kind !== kind) continue;
    report({
      message: problem.message,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
    });
  }
}

/** The parsed front-matter mapping, or null when it is absent or unusable. */
export const frontmatterData = (note: Note): Record<string, unknown> | null => note.frontmatter?.data ?? null;
