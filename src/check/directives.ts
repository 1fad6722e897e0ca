/**
 * Inline lint directives, as remark-message-control and markdownlint allow:
 *
 *   <!-- commonplace-disable rule-id other-id -->   off from this line on
 *   <!-- commonplace-enable rule-id -->             back on from this line
 *   <!-- commonplace-disable-next-line rule-id -->  off for the next line only
 *
 * No id means every rule. The reader collects the comments (`Note.directives`);
 * this filters a note's diagnostics by line.
 */
import type { Diagnostic, LintDirective } from '../types.js';

/** True when a diagnostic of `ruleId` on `line` is switched off by the directives. */
export function isSuppressed(directives: readonly LintDirective[], ruleId: string, line: number): boolean {
  let all = false;
  const perRule = new Map<string, boolean>();
  for (const directive of [...directives].sort((a, b) => a.line - b.line)) {
    if (directive.action === 'disable-next-line') {
      if (directive.line + 1 === line && (directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId))) return true;
      continue;
    }
    if (directive.line > line) continue;
    const off = directive.action === 'disable';
    if (directive.ruleIds.length === 0) {
      all = off;
      perRule.clear();
    } else {
      for (const id of directive.ruleIds) perRule.set(id, off);
    }
  }
  return perRule.get(ruleId) ?? all;
}

/** Drops the diagnostics that a file's directives switch off; files without directives pass unchanged. */
export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  directivesByFile: ReadonlyMap<string, readonly LintDirective[]>,
): Diagnostic[] {
  return partitionByDirectives(diagnostics, directivesByFile).kept;
}

/** The diagnostics a file's directives leave on (`kept`) and those they switch off (`suppressed`). */
export function partitionByDirectives(
  diagnostics: readonly Diagnostic[],
  directivesByFile: ReadonlyMap<string, readonly LintDirective[]>,
): { kept: Diagnostic[]; suppressed: Diagnostic[] } {
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const directives = directivesByFile.get(d.file);
    const off = directives !== undefined && directives.length > 0 && isSuppressed(directives, d.ruleId, d.line);
    (off ? suppressed : kept).push(d);
  }
  return { kept, suppressed };
}
