/**
 * ESLint's JSON formatter shape, exactly: an array with one entry per linted
 * file, `{ filePath, messages, suppressedMessages, errorCount,
 * fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount,
 * source?, usedDeprecatedRules }` (keys in ESLint's order), each message
 * `{ ruleId, severity, message, line, column, endLine, endColumn, fix? }`
 * with severity 2 for errors and 1 for warnings. As in ESLint, `source` (the
 * file's text) is present only on files with errors or warnings, and each
 * suppressed message carries `suppressions: [{ kind: "directive",
 * justification: "" }]`.
 *
 * `info` suggestions (unlinked mentions) are left out: ESLint's JSON has no
 * level below warning, and tools reading it treat 1 as a warning that can
 * fail a build. Use `--format sarif` (level "note") or `github` (::notice) to
 * see them. `filePath` is relative to the working directory (ESLint's is
 * absolute), so the output is the same on every machine.
 */
import type { Diagnostic } from '../../types.js';
import { compareCodePoints } from '../../util/sort.js';
import type { FormatInput } from './index.js';

/** One message as ESLint's JSON formatter writes it. */
export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix: `range` is offsets into `source` (the file's text, BOM removed, line endings `\n`). */
  fix?: { range: [number, number]; text: string };
}

/** A message an inline directive switched off, as ESLint's `suppressedMessages` lists it. */
export interface EslintSuppressedMessage extends EslintMessage {
  suppressions: { kind: 'directive'; justification: string }[];
}

/** One file's entry in ESLint's JSON output. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintSuppressedMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  usedDeprecatedRules: never[];
}

const toMessage = (d: Diagnostic): EslintMessage => ({
  ruleId: d.ruleId,
  severity: d.severity === 'error' ? 2 : 1,
  message: d.message,
  line: d.line,
  column: d.column,
  endLine: d.endLine,
  endColumn: d.endColumn,
  ...(d.fix ? { fix: { range: [d.fix.start, d.fix.end], text: d.fix.text } } : {}),
});

/** Diagnostics by file, info-level ones left out; every linted file present. */
function byFile(files: readonly string[], diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const grouped = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const list = grouped.get(d.file);
    if (list) list.push(d);
    else grouped.set(d.file, [d]);
  }
  return grouped;
}

/** Builds the ESLint JSON result objects (one per linted file, in path order). */
export function toEslintResults({ diagnostics, files, suppressed = [], sources }: Pick<FormatInput, 'diagnostics' | 'files' | 'suppressed' | 'sources'>): EslintResult[] {
  const shown = byFile(files, diagnostics);
  const hidden = byFile([], suppressed);
  for (const file of hidden.keys()) if (!shown.has(file)) shown.set(file, []);
  const results: EslintResult[] = [];
  for (const [filePath, list] of [...shown].sort(([a], [b]) => compareCodePoints(a, b))) {
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    const source = sources?.get(filePath);
    results.push({
      filePath,
      messages: list.map(toMessage),
      suppressedMessages: (hidden.get(filePath) ?? []).map((d) => ({ ...toMessage(d), suppressions: [{ kind: 'directive', justification: '' }] })),
      errorCount: errors.length,
      fatalErrorCount: 0,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((d) => d.fix).length,
      fixableWarningCount: warnings.filter((d) => d.fix).length,
      ...(list.length > 0 && source !== undefined ? { source } : {}),
      usedDeprecatedRules: [],
    });
  }
  return results;
}

/** Formats as ESLint's JSON formatter does (a single line, as `JSON.stringify` gives). */
export function formatJson(input: FormatInput): string {
  return `${JSON.stringify(toEslintResults(input))}\n`;
}
