/**
 * ESLint's JSON formatter shape, exactly: an array with one entry per linted
 * file, `{ filePath, messages, suppressedMessages, errorCount,
 * fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount,
 * usedDeprecatedRules }`, each message `{ ruleId, severity, message, line,
 * column, endLine, endColumn }` with severity 2 for errors and 1 for warnings.
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
}

/** One file's entry in ESLint's JSON output. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
}

/** Builds the ESLint JSON result objects (one per linted file, in path order). */
export function toEslintResults({ diagnostics, files }: Pick<FormatInput, 'diagnostics' | 'files'>): EslintResult[] {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const results: EslintResult[] = [];
  for (const [filePath, list] of [...byFile].sort(([a], [b]) => compareCodePoints(a, b))) {
    const errors = list.filter((d) => d.severity === 'error');
    const warnings = list.filter((d) => d.severity === 'warning');
    results.push({
      filePath,
      messages: list.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        message: d.message,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      })),
      suppressedMessages: [],
      errorCount: errors.length,
      fatalErrorCount: 0,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((d) => d.fix).length,
      fixableWarningCount: warnings.filter((d) => d.fix).length,
      usedDeprecatedRules: [],
    });
  }
  return results;
}

/** Formats as ESLint's JSON formatter does (a single line, as `JSON.stringify` gives). */
export function formatJson(input: FormatInput): string {
  return `${JSON.stringify(toEslintResults(input))}\n`;
}
