/**
 * Runs rules on example text through the real stages: the reader
 * (`noteFromText`), the real mention finder and the real check runner. Only
 * the glossary is built in memory, from the example's concept list.
 */
import { splitExampleLibrary } from '../../src/check/examples.js';
import type { Rule } from '../../src/check/rule.js';
import { applyFixes } from '../../src/check/fix.js';
import { checkLibrary } from '../../src/check/run.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { parseGlossary } from '../../src/link/glossary.js';
import { findMentions } from '../../src/link/mentions.js';
import { noteFromText } from '../../src/read/parse.js';
import type { Concept, Diagnostic } from '../../src/types.js';
import { wholeBodies } from '../../src/read/bodies.js';

/** Concepts as the real glossary parser reads them from a YAML list. */
export function glossary(entries: readonly { name: string; aliases?: string[] }[] = []): Concept[] {
  if (entries.length === 0) return [];
  const yaml = entries
    .map((e) => `- name: ${JSON.stringify(e.name)}\n  definition: Example.\n${e.aliases ? `  aliases: ${JSON.stringify(e.aliases)}\n` : ''}`)
    .join('');
  const parsed = parseGlossary(yaml);
  if (parsed.diagnostics.length > 0) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
  return parsed.concepts;
}

export interface LintTextOptions {
  config?: Config;
  concepts?: readonly { name: string; aliases?: string[] }[];
  /** Run only these rules (default: all). */
  rules?: readonly Rule[];
}

/** Lints a small library given as `{ path: text }`. */
export function lintFiles(files: Record<string, string>, options: LintTextOptions = {}): Diagnostic[] {
  const config = options.config ?? defaultConfig;
  const notes = Object.entries(files).map(([path, text]) => noteFromText(path, text, config));
  const concepts = glossary(options.concepts);
  return checkLibrary({
    notes,
    bodies: wholeBodies(notes),
    failures: [],
    concepts,
    mentions: findMentions(notes, concepts, wholeBodies(notes)),
    config,
    ...(options.rules ? { rules: options.rules } : {}),
  });
}

/** Lints one example of a rule (a note, or a library for library rules and note rules that read other notes' names) with only that rule. */
export function lintExample(rule: Rule, example: string, options: Omit<LintTextOptions, 'rules'> = {}): Diagnostic[] {
  const files =
    rule.scope === 'library' || example.startsWith('==> ')
      ? Object.fromEntries(splitExampleLibrary(example).map((f) => [f.path, f.text]))
      : { 'example.md': example };
  return lintFiles(files, { concepts: rule.examples.concepts, ...options, rules: [rule] });
}

/** `ruleId@line:column` for compact assertions. */
export const where = (d: Diagnostic): string => `${d.ruleId}@${d.line}:${d.column}`;

/** The single note rule's fixes applied once to the text (through the real reader). */
export function fixedOnce(rule: Rule, text: string, config: Config = defaultConfig): string {
  const note = noteFromText('example.md', text, config);
  const fixes = lintFiles({ 'example.md': text }, { config, rules: [rule] }).flatMap((d) => (d.fix ? [d.fix] : []));
  return applyFixes(note.source, fixes).text;
}
