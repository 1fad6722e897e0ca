/**
 * `lint --fix`: applies the safe fixes rules attach (heading spelling and
 * level, trailing whitespace, front-matter key order) to a file's text.
 *
 * Fixes are offsets into `Note.source` (BOM stripped, line endings `\n`).
 * They are mapped back onto the file's own text, so the BOM, every line
 * ending and every byte outside a fixed span stay exactly as they were; a
 * newline inside a fix's text is written as the line ending it replaces.
 * Passes repeat (a fix can reveal another) until nothing changes, at most
 * MAX_PASSES times; so a second `--fix` run finds nothing to do.
 */
import type { Config } from '../config.js';
import { isReadFailure } from '../read/index.js';
import { parseNote } from '../read/parse.js';
import type { Concept, Fix, Note, NoteId, WholeNote } from '../types.js';
import type { RuleContext } from './rule.js';
import { rules as allRules } from './rules/index.js';
import { checkNote, createContext } from './run.js';
import { sortBy } from '../util/sort.js';

/** Upper bound on fix passes over one file (fixes converge in one or two in practice). */
export const MAX_PASSES = 10;

/**
 * Applies fixes to `text`, in offset order, skipping any that overlaps one
 * already taken (the first wins, as ESLint does). Returns the new text and
 * how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of ordered) {
    if (fix.start < cursor || fix.end < fix.start || fix.end > text.length) continue;
    out += text.slice(cursor, fix.start) + fix.text;
    cursor = fix.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}

/**
 * Maps each offset of the normalised source to its offset in the raw text
 * (BOM kept, `\r\n`/`\r` kept). Returns null if the raw text does not
 * normalise to `source` (then the file is left alone).
 */
export function rawOffsets(raw: string, source: string): number[] | null {
  const map: number[] = [];
  let i = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  let rebuilt = '';
  while (i < raw.length) {
    map.push(i);
    const c = raw[i];
    if (c === '\r') {
      rebuilt += '\n';
      i += raw[i + 1] === '\n' ? 2 : 1;
    } else {
      rebuilt += c;
      i++;
    }
  }
  map.push(raw.length);
  return rebuilt === source ? map : null;
}

/** What fixing one file did. */
export interface FixResult {
  /** The file's new text (BOM and line endings as in the original); null when it is not UTF-8 text. */
  text: string | null;
  /** Fixes applied over all passes. */
  applied: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Fixes one file: `bytes` as on disk, `path` relative to the library;
 * `others` are the library's notes (their names let a fix name another
 * note). Pure: returns the new text, never writes. Unreadable files come
 * back unchanged.
 */
export function fixFile(
  input: { path: string; bytes: Uint8Array },
  config: Config,
  concepts: readonly Concept[] = [],
  others: readonly Note[] = [],
): FixResult {
  let raw: string;
  try {
    raw = decoder.decode(input.bytes);
  } catch {
    return { text: null, applied: 0 }; // not UTF-8: the reader reports it; nothing to fix
  }
  const fixable = allRules.filter((rule) => rule.fixable);
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = parseNote({ path: input.path, bytes: new TextEncoder().encode(raw) }, config);
    if (isReadFailure(parsed)) break;
    const next = fixOnce(raw, parsed, config, concepts, fixable, others);
    if (next.applied === 0 || next.text === raw) break;
    raw = next.text;
    applied += next.applied;
  }
  return { text: raw, applied };
}

/** One pass: check the note with the fixable rules and apply their fixes to the raw text. */
function fixOnce(
  raw: string,
  note: WholeNote,
  config: Config,
  concepts: readonly Concept[],
  fixable: typeof allRules,
  others: readonly Note[],
): { text: string; applied: number } {
  const map = rawOffsets(raw, note.source);
  if (map === null) return { text: raw, applied: 0 };
  // The other notes' names, for fixes that name another note (relation-unknown-target); this note as it now reads.
  const notes = sortBy([note, ...others.filter((other) => other.path !== note.path)], (n) => n.id, (n) => n.path);
  const ctx: RuleContext = createContext({ config, notes, concepts, mentions: new Map<NoteId, never[]>() });
  const fixes: Fix[] = [];
  for (const diagnostic of checkNote(note, ctx, fixable)) {
    const fix = diagnostic.fix;
    const start = fix ? map[fix.start] : undefined;
    const end = fix ? map[fix.end] : undefined;
    if (!fix || start === undefined || end === undefined) continue;
    fixes.push({ start, end, text: withRawEndings(fix, raw, note.source, map, note.eol) });
  }
  return applyFixes(raw, fixes);
}

/**
 * A fix's text with each newline written as the raw file wrote the newline
 * at the same place in the span it replaces (the k-th newline of the fix
 * gets the k-th line ending of the span), so in a file with mixed line
 * endings every line keeps its own; newlines beyond the span's get `eol`.
 */
function withRawEndings(fix: Fix, raw: string, source: string, map: readonly number[], eol: string): string {
  if (!fix.text.includes('\n')) return fix.text;
  const endings: string[] = [];
  for (let i = fix.start; i < fix.end; i++) {
    if (source[i] === '\n') endings.push(raw.slice(map[i], map[i + 1]));
  }
  let k = 0;
  return fix.text.replace(/\n/g, () => endings[k++] ?? eol);
}
