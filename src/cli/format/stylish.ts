/**
 * ESLint's "stylish" format: findings grouped by file, one line each as
 * `line:column  severity  message  rule-id` in aligned columns, then a
 * summary line. A clean run prints only a summary line (`✔ No problems in 12
 * files`), as markdownlint-cli2 does, so a quiet success is visible.
 */
import type { Diagnostic } from '../../types.js';
import type { FormatInput } from './index.js';

// Plain ANSI codes rather than util.styleText: Node 20's styleText checks
// process.stdout itself, but the CLI decides colour from the stream it writes to.
const ANSI = { green: [32, 39], red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], underline: [4, 24] } as const;
type Style = keyof typeof ANSI;
const styleText = (style: Style, text: string): string => `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m`;

/** Shows control characters from note text as `\u001b`, so a note cannot drive the terminal. */
const visible = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Formats diagnostics like ESLint's stylish formatter. */
export function formatStylish({ diagnostics, files, color }: FormatInput): string {
  const paint = (style: Style, text: string): string => (color ? styleText(style, text) : text);
  if (diagnostics.length === 0) return `${paint('green', `✔ No problems in ${plural(files.length, 'file')}`)}\n`;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  let out = '';
  for (const [file, list] of byFile) {
    const rows = list.map((d) => [`${d.line}:${d.column}`, d.severity, visible(d.message.replace(/\r?\n/g, ' ')), visible(d.ruleId)] as const);
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
    out += `\n${paint('underline', visible(file))}\n`;
    for (const [position, severity, message, ruleId] of rows) {
      const level = severity.padEnd(width[1] ?? 0);
      const levelStyle: Style = severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'blue';
      out += `  ${paint('dim', position.padEnd(width[0] ?? 0))}  ${paint(levelStyle, level)}  ${message.padEnd(width[2] ?? 0)}  ${paint('dim', ruleId)}\n`;
    }
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const fixable = diagnostics.filter((d) => d.fix).length;
  const problems = errors + warnings;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${plural(infos, 'suggestion')}` : ''}`;
  const mark = errors > 0 ? '✖' : problems > 0 ? '⚠' : 'ℹ';
  const summaryStyle: Style = errors > 0 ? 'red' : problems > 0 ? 'yellow' : 'blue';
  out += `\n${paint(summaryStyle, `${mark} ${plural(problems, 'problem')} (${counts})`)}\n`;
  if (fixable > 0) out += `  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.\n`;
  return out;
}
