/**
 * The shape of a lint rule. A rule is a small, self-describing, pure unit
 * (after remark-lint and markdownlint): an id, a one-line description, a
 * default severity, `ok`/`notOk` examples that a test runs (so the docs
 * cannot drift), and a `check` that reports findings. Rules do no I/O and
 * never mutate the notes they are given.
 */
import type { Config } from '../config.js';
import type { Concept, Diagnostic, Fix, Mention, Note, NoteId, NoteWith, RelatedLocation, Severity } from '../types.js';

/** What a note rule sees: the note's head and its source (the check stage fetches it through the `NoteBodies` port). */
export type RuleNote = NoteWith<'source'>;

/** What every rule may look at besides its own note. */
export interface RuleContext {
  config: Config;
  /** Every note in the library, sorted by id. */
  notes: readonly Note[];
  /** The glossary (empty when the library has none). */
  concepts: readonly Concept[];
  /** Mentions found in each note's prose (see src/link/mentions.ts). */
  mentions: ReadonlyMap<NoteId, Mention[]>;
  /** Every id a diagnostic can have (all rules, read-stage and glossary ids): what directives may name. */
  ruleIds: readonly string[];
}

/** One finding as a rule reports it; the runner fills in ruleId, severity and (for note rules) file. */
export interface Report {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  related?: RelatedLocation[];
  fix?: Fix;
}

/** A library rule names the file itself (it sees many). */
export interface LibraryReport extends Report {
  file: string;
}

/**
 * Examples a test runs through the rule. Note rules: each string is one
 * note (`example.md`), or, for a rule that reads other notes' names, a small
 * library starting with a `==> name.md <==` line. Library rules: each string
 * is a small library, files separated by `==> name.md <==` lines (see
 * src/check/examples.ts).
 */
export interface RuleExamples {
  /** Inputs on which the rule must report nothing. */
  ok: string[];
  /** Inputs on which the rule must report at least once. */
  notOk: string[];
  /** Glossary entries the examples assume (for concept-aware rules). */
  concepts?: { name: string; aliases?: string[] }[];
}

interface RuleBase {
  /** Stable kebab-case id, used in output, config `rules` and directives. */
  id: string;
  /** One line, shown in the README's rule table. */
  description: string;
  severity: Severity;
  examples: RuleExamples;
  /** True when the rule may attach a safe fix (`lint --fix`). */
  fixable?: boolean;
}

/** A rule that looks at one note at a time. */
export interface NoteRule extends RuleBase {
  scope: 'note';
  check(note: RuleNote, report: (r: Report) => void, ctx: RuleContext): void;
}

/** A rule that looks at the whole library at once (duplicates, links). */
export interface LibraryRule extends RuleBase {
  scope: 'library';
  check(notes: readonly Note[], report: (r: LibraryReport) => void, ctx: RuleContext): void;
}

/** Any rule, note- or library-scoped. */
export type Rule = NoteRule | LibraryRule;

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Declares a rule, checking its metadata once at load time so a typo in an
 * id or an empty example list fails every test rather than slipping through.
 */
export function defineRule<R extends Rule>(rule: R): R {
  if (!ID.test(rule.id)) throw new Error(`rule id "${rule.id}" must be kebab-case`);
  if (rule.description.includes('\n') || rule.description.trim() === '') {
    throw new Error(`rule ${rule.id}: description must be one non-empty line`);
  }
  if (rule.examples.ok.length === 0 || rule.examples.notOk.length === 0) {
    throw new Error(`rule ${rule.id}: needs at least one ok and one notOk example`);
  }
  return Object.freeze(rule);
}

/** Builds a full Diagnostic from a rule's report (end defaults to the start). */
export function toDiagnostic(ruleId: string, severity: Severity, file: string, r: Report): Diagnostic {
  const d: Diagnostic = {
    ruleId,
    severity,
    message: r.message,
    file,
    line: r.line,
    column: r.column,
    endLine: r.endLine ?? r.line,
    endColumn: r.endColumn ?? r.column,
  };
  if (r.related && r.related.length > 0) d.related = r.related;
  if (r.fix) d.fix = r.fix;
  return d;
}
