/**
 * Runs every rule over the library and returns one sorted diagnostic list.
 * Read failures and read-stage/glossary diagnostics pass through with their
 * own rule ids; config `rules` can re-grade or switch off any rule id; inline
 * directives then filter by line. A rule that throws becomes an
 * `internal-error` diagnostic on that file: one bad rule never stops a run.
 */
import { createHash } from 'node:crypto';
import type { Config, RuleSetting } from '../config.js';
import type { Concept, Diagnostic, Mention, Note, NoteBodies, NoteId, ReadFailure, Severity } from '../types.js';
import { sortBy } from '../util/sort.js';
import { applyDirectives, partitionByDirectives } from './directives.js';
import { toDiagnostic, type Rule, type RuleContext, type RuleNote } from './rule.js';
import { rules as allRules } from './rules/index.js';

/** Rule id of a diagnostic that says a rule crashed (a bug in Commonplace, not in the note). */
export const INTERNAL_ERROR = 'internal-error';

/** Everything the check stage needs; all of it comes from earlier stages. */
export interface CheckInput {
  notes: readonly Note[];
  failures: readonly ReadFailure[];
  concepts: readonly Concept[];
  mentions: ReadonlyMap<NoteId, Mention[]>;
  /** Where the notes' sources come from: note rules read one note's at a time. */
  bodies: NoteBodies<'source'>;
  config: Config;
  /** Discovery and glossary diagnostics, passed through. */
  readDiagnostics?: readonly Diagnostic[];
  /** The rules to run (default: all of them). */
  rules?: readonly Rule[];
  /**
   * Note-rule results of earlier runs: a note whose results are stored under
   * `context` (see `noteRulesContext`) is not checked again. Its mentions
   * then need not be in `mentions`.
   */
  noteResults?: { store: NoteResultStore; context: string };
}

/** Where note-rule diagnostics are kept between runs (the persistent cache, src/cache). */
export interface NoteResultStore {
  /** The diagnostics stored for this version of the note (path and hash) under `context`, if any. */
  getNoteResults(note: Note, context: string): Diagnostic[] | undefined;
  setNoteResults(note: Note, context: string, diagnostics: Diagnostic[]): void;
}

/**
 * Everything a note rule's result depends on besides the note itself: the
 * config, the rules, the glossary and every note's id, path, title and
 * aliases (mentions, wikilinks and the unlinked-mention rule look at those),
 * as one hash. While it is unchanged, an unchanged note's results are too:
 * editing one note's body leaves it unchanged, renaming a title changes it.
 */
export function noteRulesContext(notes: readonly Note[], concepts: readonly Concept[], config: Config, rules: readonly Rule[] = allRules): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([config, rules.map((rule) => rule.id), concepts]));
  for (const note of notes) hash.update(JSON.stringify([note.id, note.path, note.meta.title ?? null, note.meta.aliases]));
  return hash.digest('hex');
}

/** The severity a rule runs at under `config.rules`, or null when it is off. */
export function effectiveSeverity(ruleId: string, fallback: Severity, config: Config): Severity | null {
  const setting: RuleSetting | undefined = Object.hasOwn(config.rules, ruleId) ? config.rules[ruleId] : undefined;
  if (setting === undefined) return fallback;
  return setting === 'off' ? null : setting;
}

/** Sorted by file, line, column, rule id (code point), then the rest so the order is total. */
export const sortDiagnostics = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  sortBy(diagnostics, (d) => d.file, (d) => d.line, (d) => d.column, (d) => d.ruleId, (d) => d.endLine, (d) => d.endColumn, (d) => d.message);

const crashed = (rule: Rule, file: string, error: unknown): Diagnostic => ({
  ruleId: INTERNAL_ERROR,
  severity: 'error',
  message: `Rule "${rule.id}" failed on this file (${error instanceof Error ? error.message : String(error)}); this is a Commonplace bug: please report it, and switch the rule off in commonplace.config.json "rules" meanwhile`,
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
});

/** Runs the note-scoped rules on one note (no directives applied). */
function runNoteRules(note: RuleNote, ctx: RuleContext, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'note') continue;
    const severity = effectiveSeverity(rule.id, rule.severity, ctx.config);
    if (severity === null) continue;
    const found: Diagnostic[] = [];
    try {
      rule.check(note, (r) => found.push(toDiagnostic(rule.id, severity, note.path, r)), ctx);
      out.push(...found);
    } catch (error) {
      out.push(crashed(rule, note.path, error));
    }
  }
  return out;
}

/** Runs the library-scoped rules once over all notes. */
function runLibraryRules(ctx: RuleContext, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.scope !== 'library') continue;
    const severity = effectiveSeverity(rule.id, rule.severity, ctx.config);
    if (severity === null) continue;
    const found: Diagnostic[] = [];
    try {
      rule.check(ctx.notes, (r) => found.push(toDiagnostic(rule.id, severity, r.file, r)), ctx);
      out.push(...found);
    } catch (error) {
      // A library rule has no one file to blame; the first note stands in.
      out.push(crashed(rule, ctx.notes[0]?.path ?? '.', error));
    }
  }
  return out;
}

/** Re-grades or drops pass-through diagnostics by their rule id, as config `rules` says. */
function regrade(diagnostics: readonly Diagnostic[], config: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const severity = effectiveSeverity(d.ruleId, d.severity, config);
    if (severity !== null) out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}

/** The context every rule of one run shares (one object per run: rules memoize on it). */
export function createContext(input: Pick<CheckInput, 'notes' | 'concepts' | 'mentions' | 'config'>): RuleContext {
  return { config: input.config, notes: input.notes, concepts: input.concepts, mentions: input.mentions, ruleIds: ALL_RULE_IDS };
}

/**
 * Ids that are not rules but that config `rules` and directives may name:
 * the read stage's, the glossary's and the runner's own.
 */
export const PASS_THROUGH_IDS: readonly string[] = [
  'discovery-collision', 'discovery-extension', 'discovery-missing-library', 'discovery-not-regular', 'discovery-symlink',
  'file-empty', 'file-not-utf8', 'file-nul-byte', 'file-parse-crash', 'file-parse-error', 'file-parse-overflow', 'file-parse-timeout',
  'file-replacement-char', 'file-too-large', 'file-unreadable', 'file-not-regular', 'file-symlink', 'file-not-found', 'file-not-note', 'file-outside-library',
  'glossary-duplicate-alias', 'glossary-duplicate-name', 'glossary-invalid-entry', 'glossary-not-list', 'glossary-unknown-key', 'glossary-unknown-see', 'glossary-yaml',
  INTERNAL_ERROR,
];

/** Every id a diagnostic can carry: each rule's, then the pass-through ones. */
export const ALL_RULE_IDS: readonly string[] = [...allRules.map((rule) => rule.id), ...PASS_THROUGH_IDS];

/** Checks the whole library: every rule, pass-through diagnostics, directives; sorted. */
export function checkLibrary(input: CheckInput): Diagnostic[] {
  return checkLibraryInFull(input).diagnostics;
}

/** `checkLibrary`, plus what inline directives switched off (ESLint's `suppressedMessages`), sorted too. */
export function checkLibraryInFull(input: CheckInput): { diagnostics: Diagnostic[]; suppressed: Diagnostic[] } {
  const rules = input.rules ?? allRules;
  const ctx = createContext(input);
  const found: Diagnostic[] = [...regrade(input.readDiagnostics ?? [], input.config)];
  for (const failure of input.failures) found.push(...regrade([failure.diagnostic], input.config));
  const { store, context } = input.noteResults ?? {};
  for (const note of input.notes) {
    const stored = context === undefined ? undefined : store?.getNoteResults(note, context);
    if (stored) {
      found.push(...stored);
      continue;
    }
    // The one fetch of the stage, outside any rule: a lost cache entry (`CachedNoteLost`) is not a rule's crash.
    const fresh = runNoteRules({ ...note, ...input.bodies.get(note, ['source']) }, ctx, rules);
    if (context !== undefined) store?.setNoteResults(note, context, fresh);
    found.push(...fresh);
  }
  found.push(...runLibraryRules(ctx, rules));
  const directives = new Map(input.notes.map((note) => [note.path, note.directives]));
  const { kept, suppressed } = partitionByDirectives(found, directives);
  return { diagnostics: sortDiagnostics(kept), suppressed: sortDiagnostics(suppressed) };
}

/** The note-scoped diagnostics of one note, directives applied (what `--fix` acts on). */
export function checkNote(note: RuleNote, ctx: RuleContext, rules: readonly Rule[] = allRules): Diagnostic[] {
  return sortDiagnostics(applyDirectives(runNoteRules(note, ctx, rules), new Map([[note.path, note.directives]])));
}
