/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`
 * (`::warning` for warnings, `::notice` for info). Values are escaped as the
 * Actions toolkit does, so a message with `%`, `:`, `,` or a newline survives.
 */
import type { FormatInput } from './index.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Formats diagnostics as GitHub Actions annotations. */
export function formatGithub({ diagnostics }: FormatInput): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      return `::${command[d.severity]} ${props}::${escapeData(d.message)}\n`;
    })
    .join('');
}
