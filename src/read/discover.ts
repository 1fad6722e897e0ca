/**
 * Which files under the library are notes. Policy (the README repeats it):
 *
 * - A note is a regular file whose name ends in lower-case `.md`, found by
 *   fast-glob under the library root. Dotfiles and dot-folders, names
 *   starting with `_` (files or folders) and `config.ignore` globs are skipped.
 * - Symlinks are never followed (fast-glob would by default): each one is
 *   reported as a warning and not read, so nothing outside the library is
 *   read and a symlink loop costs nothing.
 * - `x.MD`, `x.Md`, `x.markdown`, `x.mdown`, … are NOT read; each gets a
 *   warning telling the user to rename it to `.md` (never a silent miss).
 * - Two files whose ids differ only by case or Unicode normalisation
 *   (`Note.md` / `note.md`, `café.md` in NFC and NFD) collide: an error on
 *   each, pointing at the other. Identical names in different folders are
 *   left to the check stage's duplicate-id rule.
 * - The result is sorted by code point, so file order never depends on the OS.
 */
import { lstat } from 'node:fs/promises';
import fg from 'fast-glob';
import type { Config } from '../config.js';
import type { Diagnostic } from '../types.js';
import { compareCodePoints, sortBy } from '../util/sort.js';
import { readDiagnostic } from './failure.js';
import { noteIdOf } from './identity.js';

/** Notes found (library-relative, `/`-separated, sorted) and what discovery has to say. */
export interface Discovery {
  files: string[];
  diagnostics: Diagnostic[];
}

/** Extensions that look like Markdown but are not read (compared lower-cased). */
const MARKDOWN_LIKE = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn', '.mdtxt', '.mdtext'];

/** Skipped everywhere: `_`-prefixed files and folders (dot paths are skipped by `dot: false`). */
const ALWAYS_IGNORED = ['**/_*', '**/_*/**'];

/** Lists the notes under `root`. Never throws for anything found inside it. */
export async function discover(root: string, config: Config): Promise<Discovery> {
  const diagnostics: Diagnostic[] = [];
  const rootStat = await lstat(root).catch(() => null);
  if (!rootStat || !(rootStat.isDirectory() || rootStat.isSymbolicLink())) {
    diagnostics.push(readDiagnostic('.', 'discovery-missing-library', `library folder "${root}" not found; create it or set "library" in commonplace.config.json`));
    return { files: [], diagnostics };
  }

  const entries = await fg(['**'], {
    cwd: root,
    dot: false,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    ignore: [...ALWAYS_IGNORED, ...config.ignore],
    suppressErrors: true,
  });

  const files: string[] = [];
  for (const entry of entries) {
    const verdict = classifyEntry(entry.path, entry.dirent);
    if (verdict === 'note') files.push(entry.path);
    else if (verdict) diagnostics.push(verdict);
  }
  files.sort(compareCodePoints);
  diagnostics.push(...findCollisions(files));
  return { files, diagnostics: sortBy(diagnostics, (d) => d.file, (d) => d.ruleId) };
}

/** What kind of directory entry a path is, as far as discovery cares. */
export interface EntryKind {
  isFile(): boolean;
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
}

/** 'note', a warning diagnostic, or null (not ours: folders, images, `concepts.yml`). */
export function classifyEntry(path: string, kind: EntryKind): 'note' | Diagnostic | null {
  if (kind.isSymbolicLink()) {
    return readDiagnostic(path, 'discovery-symlink', 'symlink not followed: Commonplace reads only regular files inside the library; replace the link with the file itself', { severity: 'warning' });
  }
  if (kind.isDirectory()) return null;
  const markdownLike = MARKDOWN_LIKE.find((ext) => path.toLowerCase().endsWith(ext) && path.length > ext.length);
  if (!markdownLike) return null;
  if (!kind.isFile()) {
    return readDiagnostic(path, 'discovery-not-regular', 'not a regular file (a pipe, socket or device); it is not read', { severity: 'warning' });
  }
  if (path.endsWith('.md')) return 'note';
  const renamed = path.slice(0, path.length - markdownLike.length) + '.md';
  return readDiagnostic(path, 'discovery-extension', `not read: notes must end in lower-case ".md"; rename it to "${renamed.slice(renamed.lastIndexOf('/') + 1)}"`, { severity: 'warning' });
}

/** Case-folded NFC form of a note id: equal keys mean the ids collide on some file system. */
export function collisionKey(id: string): string {
  return id.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** An error on each file whose id collides with another's, the others given as related locations. */
export function findCollisions(files: readonly string[]): Diagnostic[] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const key = collisionKey(noteIdOf(file));
    const group = groups.get(key);
    if (group) group.push(file);
    else groups.set(key, [file]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of groups.values()) {
    for (const file of group) {
      const name = baseName(file);
      const others = group.filter((other) => baseName(other) !== name);
      if (others.length === 0) continue;
      const names = others.map((other) => `"${other}"${codePoints(baseName(other))}`).join(', ');
      diagnostics.push(
        readDiagnostic(file, 'discovery-collision', `file name${codePoints(name)} collides with ${names}: the names differ only by letter case or Unicode normalisation, which many file systems treat as the same file; rename one`, {
          related: others.map((other) => ({ file: other, line: 1, column: 1, message: 'colliding file' })),
        }),
      );
    }
  }
  return diagnostics;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/**
 * ` (caf<U+00E9>.md)`: a name with every character outside printable ASCII
 * shown as its code point, so two names that look the same on screen (NFC
 * and NFD) can be told apart; '' for a name that is all printable ASCII.
 */
function codePoints(name: string): string {
  if (/^[\x20-\x7e]*$/u.test(name)) return '';
  const spelled = [...name].map((c) => (/[\x20-\x7e]/u.test(c) ? c : `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`)).join('');
  return ` (${spelled})`;
}
