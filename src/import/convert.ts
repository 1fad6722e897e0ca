/**
 * One plain-text file to one canonical Markdown note: decode, parse, render,
 * create. Each step can refuse with reasons; a refused file writes nothing.
 */
import type { Config } from '../config.js';
import { decode } from '../read/decode.js';
import { createNote, type CreateOutcome, type LibraryIndex } from '../scaffold/create.js';
import { fieldEntries } from '../scaffold/fields.js';
import { emitFrontmatter } from '../scaffold/frontmatter.js';
import { renderBody } from '../scaffold/markdown.js';
import { slugify } from '../scaffold/slug.js';
import { parsePlainText, type PlainNote } from './plaintext.js';

/** What importing one file did: the create outcome plus the note text (shown by `--dry-run`). */
export type ConvertOutcome = (CreateOutcome & { content: string }) | { status: 'refused'; file: null; reasons: string[]; content: null };

/** The canonical Markdown for a parsed plain-text note: front matter by the YAML emitter, body by remark-stringify. */
export function renderImportedNote(note: PlainNote, config: Config): string {
  return `${emitFrontmatter(fieldEntries(note.fields))}\n${renderBody(note.summary, note.sections, config.sectionDepth)}`;
}

/** Fields the plain-text shape has no line for, given on the command line for every imported file. */
export interface ImportExtras {
  tags?: string[];
  concepts?: string[];
  /** From the relation flags: relation name → note ids. */
  relations?: [type: string, targets: string[]][];
}

/** Converts `bytes` (a plain-text note) into `<library>/<slug>.md`, refusing anything that does not fit. */
export function convertPlainText(bytes: Uint8Array, config: Config, index: LibraryIndex, dryRun: boolean, extras: ImportExtras = {}): ConvertOutcome {
  // The reader's strict decoding: invalid UTF-8, UTF-16, NUL bytes, empty files are refused with a position.
  const decoded = decode(bytes, config.maxFileBytes);
  if (!decoded.ok) return { status: 'refused', file: null, reasons: [decoded.message], content: null };
  const parsed = parsePlainText(decoded.text, config);
  if (!parsed.ok) return { status: 'refused', file: null, reasons: parsed.problems, content: null };
  const note = { ...parsed.note, fields: { ...parsed.note.fields, tags: extras.tags ?? parsed.note.fields.tags, concepts: extras.concepts ?? parsed.note.fields.concepts, relations: extras.relations ?? [] } };
  const content = renderImportedNote(note, config);
  const { title, source } = note.fields;
  const outcome = createNote(index, { slug: slugify(title), title, source }, content, dryRun);
  return { ...outcome, content };
}
