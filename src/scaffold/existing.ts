/**
 * What the library already holds, as far as `new` and `import` need to know
 * to refuse a duplicate: each note's id, title, aliases and source. It uses
 * the reader's own discovery (same ignore rules, symlinks never followed),
 * decoding and front-matter reader, but skips the Markdown parse: a
 * pathological body cannot slow down `new`. Files it cannot read still count
 * for their id; `lint` reports what is wrong with them.
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { decode } from '../read/decode.js';
import { collisionKey, discover } from '../read/discover.js';
import { readFrontmatter } from '../read/frontmatter.js';
import { LineIndex } from '../read/lines.js';
import { noteIdOf } from '../read/identity.js';
import { sourceKey, titleKey } from '../check/same-work.js';

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
  field: 'slug' | 'title' | 'alias' | 'source';
  /** Library-relative path of the existing note. */
  note: string;
}

/** The fields of a would-be note that must be unique in the library. */
export interface Candidate {
  slug: string;
  title: string;
  source: string;
}

/** The notes under `libraryDir` as discovery finds them (sorted by path); an absent library is empty. */
export async function listExistingNotes(libraryDir: string, config: Config): Promise<ExistingNote[]> {
  const { files } = await discover(libraryDir, config);
  return Promise.all(files.map((file) => readExisting(libraryDir, file, config)));
}

/**
 * Every clash of `candidate` with `existing`: the same id once case and
 * Unicode normalisation are folded (as some file systems do), the same title
 * or alias, the same source, compared as the duplicate-title and
 * duplicate-source rules compare them (src/check/same-work.ts), so `lint`
 * never reports a duplicate that `new` or `import` just wrote.
 */
export function findConflicts(existing: readonly ExistingNote[], candidate: Candidate): Conflict[] {
  const conflicts: Conflict[] = [];
  const slug = collisionKey(candidate.slug);
  const title = titleKey(candidate.title);
  const source = sourceKey(candidate.source);
  for (const note of existing) {
    if (collisionKey(note.id) === slug) conflicts.push({ field: 'slug', note: note.path });
    if (title !== null) {
      if (titleKey(note.title) === title) conflicts.push({ field: 'title', note: note.path });
      else if (note.aliases.some((alias) => titleKey(alias) === title)) conflicts.push({ field: 'alias', note: note.path });
    }
    if (source !== null && sourceKey(note.source) === source) conflicts.push({ field: 'source', note: note.path });
  }
  return conflicts;
}

/** The command that would add the note: the way out of a clash differs (`import` has no `--slug`). */
export type Adder = 'new' | 'import';

/** A one-line explanation of a conflict, suggesting the way out that `adder` offers. */
export function describeConflict(conflict: Conflict, candidate: Candidate, adder: Adder = 'new'): string {
  switch (conflict.field) {
    case 'slug':
      return adder === 'new'
        ? `${conflict.note} already exists (slug "${candidate.slug}"); choose another file name with --slug ${candidate.slug}-2`
        : `${conflict.note} already exists (slug "${candidate.slug}", made from the title); rename that note, or change the title line of the plain-text file`;
    case 'title':
      return adder === 'new'
        ? `${conflict.note} already has the title "${candidate.title}"; edit that note, or give this work a distinct title (and --slug)`
        : `${conflict.note} already has the title "${candidate.title}"; edit that note instead, or change the title line of the plain-text file`;
    case 'alias':
      return adder === 'new'
        ? `${conflict.note} already has "${candidate.title}" as an alias; edit that note, or give this work a distinct title (and --slug)`
        : `${conflict.note} already has "${candidate.title}" as an alias; edit that note instead, or change the title line of the plain-text file`;
    case 'source':
      return `${conflict.note} already cites ${candidate.source}; edit that note instead of adding a second one`;
  }
}

async function readExisting(root: string, file: string, config: Config): Promise<ExistingNote> {
  const base: ExistingNote = { path: file, id: noteIdOf(file), title: null, aliases: [], source: null };
  try {
    const absolute = path.join(root, file);
    if ((await lstat(absolute)).size > config.maxFileBytes) return base;
    const decoded = decode(await readFile(absolute), config.maxFileBytes);
    if (!decoded.ok) return base;
    const data = readFrontmatter(decoded.text, new LineIndex(decoded.text), config).frontmatter?.data ?? null;
    if (data === null) return base;
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
