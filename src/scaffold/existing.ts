/**
 * What the library already holds, as far as `new` and `import` need to know
 * to refuse a duplicate: each note's id, title, aliases and source. A light
 * read (front matter only, through the `yaml` package); files it cannot read
 * are skipped here and reported by `lint`.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Config } from '../config.js';
import { compareCodePoints } from '../util/sort.js';

/** One note already in the library. */
export interface ExistingNote {
  /** Library-relative, `/`-separated. */
  path: string;
  /** File name without `.md`. */
  id: string;
  title: string | null;
  aliases: string[];
  source: string | null;
}

/** Why a new note would clash with an existing one. */
export interface Conflict {
  field: 'slug' | 'title' | 'source';
  /** Library-relative path of the existing note. */
  note: string;
}

/** The fields of a would-be note that must be unique in the library. */
export interface Candidate {
  slug: string;
  title: string;
  source: string;
}

/** Notes under `libraryDir` (dot- and `_`-folders skipped, symlinks never followed), sorted by path. */
export function listExistingNotes(libraryDir: string, config: Config): ExistingNote[] {
  const notes: ExistingNote[] = [];
  walk(libraryDir, '', config, notes);
  return notes.sort((a, b) => compareCodePoints(a.path, b.path));
}

/**
 * Every clash of `candidate` with `existing`: the same slug (case- and
 * normalisation-insensitive, as file systems may be), the same title or alias
 * (case-insensitive), the same source URL (normalised by the URL parser).
 */
export function findConflicts(existing: readonly ExistingNote[], candidate: Candidate): Conflict[] {
  const conflicts: Conflict[] = [];
  const slug = foldCase(candidate.slug);
  const title = foldCase(candidate.title);
  const source = normaliseUrl(candidate.source);
  for (const note of existing) {
    if (foldCase(note.id) === slug) conflicts.push({ field: 'slug', note: note.path });
    if ([note.title, ...note.aliases].some((t) => t !== null && foldCase(t) === title)) {
      conflicts.push({ field: 'title', note: note.path });
    }
    if (note.source !== null && normaliseUrl(note.source) === source) conflicts.push({ field: 'source', note: note.path });
  }
  return conflicts;
}

/** A one-line explanation of a conflict, suggesting the way out. */
export function describeConflict(conflict: Conflict, candidate: Candidate): string {
  switch (conflict.field) {
    case 'slug':
      return `${conflict.note} already exists (slug "${candidate.slug}"); choose another file name with --slug ${candidate.slug}-2`;
    case 'title':
      return `${conflict.note} already has the title "${candidate.title}"; edit that note, or give this work a distinct title (and --slug)`;
    case 'source':
      return `${conflict.note} already cites ${candidate.source}; edit that note instead of adding a second one`;
  }
}

function walk(root: string, relative: string, config: Config, out: ExistingNote[]): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) walk(root, rel, config, out);
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) {
      const note = readNote(path.join(root, rel), rel, config);
      if (note) out.push(note);
    }
  }
}

function readNote(file: string, rel: string, config: Config): ExistingNote | null {
  const id = path.posix.basename(rel).replace(/\.(?:md|markdown)$/i, '');
  const base: ExistingNote = { path: rel, id, title: null, aliases: [], source: null };
  try {
    if (lstatSync(file).size > config.maxFileBytes) return base;
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const data = frontmatterData(text, config.maxFrontmatterBytes);
    if (!data) return base;
    return {
      ...base,
      title: typeof data.title === 'string' ? data.title : null,
      aliases: Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [],
      source: typeof data.source === 'string' ? data.source : null,
    };
  } catch {
    return base;
  }
}

function frontmatterData(text: string, maxBytes: number): Record<string, unknown> | null {
  if (!text.startsWith('---\n')) return null;
  const close = text.indexOf('\n---', 3);
  if (close === -1 || close > maxBytes) return null;
  const data: unknown = parse(text.slice(4, close + 1), { schema: 'core', maxAliasCount: 0, logLevel: 'silent' });
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

function foldCase(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url.trim()).href.replace(/\/+$/, '');
  } catch {
    return url.trim();
  }
}
