/**
 * SARIF 2.1.0 (the format GitHub code scanning and most CI dashboards read):
 * one run, the rules that ran as `tool.driver.rules` (plus any pass-through
 * rule id seen, such as read failures), one result per finding with its
 * region, and `relatedLocations` for duplicates. Columns count UTF-16 code
 * units, as ours do (`columnKind`). Paths are relative URIs.
 */
import type { Severity } from '../../types.js';
import { version } from '../../version.js';
import type { FormatInput } from './index.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference (each segment percent-encoded, `/` kept). */
const toUri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

/** Builds the SARIF log object. */
export function toSarif({ diagnostics, rules }: Pick<FormatInput, 'diagnostics' | 'rules'>): Record<string, unknown> {
  const descriptors: Record<string, unknown>[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: level[rule.severity] },
    properties: { scope: rule.scope, fixable: rule.fixable === true },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  for (const d of diagnostics) {
    if (index.has(d.ruleId)) continue;
    index.set(d.ruleId, descriptors.length);
    descriptors.push({ id: d.ruleId, shortDescription: { text: `Reported by the ${d.ruleId.split('-')[0] ?? ''} stage` } });
  }
  // SARIF wants 1-based positions with the end not before the start; clamp what a stage left at 0.
  const region = (r: { line: number; column: number; endLine?: number; endColumn?: number }) => {
    const startLine = Math.max(1, r.line);
    const startColumn = Math.max(1, r.column);
    const endLine = Math.max(startLine, r.endLine ?? startLine);
    const endColumn = Math.max(endLine === startLine ? startColumn : 1, r.endColumn ?? startColumn);
    return { startLine, startColumn, endLine, endColumn };
  };
  const results = diagnostics.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: index.get(d.ruleId) ?? 0,
    level: level[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(d.file) }, region: region(d) } }],
    ...(d.related && d.related.length > 0
      ? {
          relatedLocations: d.related.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: toUri(r.file) }, region: region(r) },
          })),
        }
      : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'commonplace', version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Formats diagnostics as a SARIF 2.1.0 log (pretty-printed JSON). */
export function formatSarif(input: FormatInput): string {
  return `${JSON.stringify(toSarif(input), null, 2)}\n`;
}
