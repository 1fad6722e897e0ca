/**
 * The hostile library: the committed fixtures under test/fixtures/hostile/
 * (good/, bad/, xss/, concepts.yml) plus the inputs git cannot carry or that
 * are too big to commit (symlinks, a 5 MB note, names that collide on
 * case-insensitive or normalising file systems, pathological Markdown),
 * generated here into a temporary copy. Each bad file is mapped to the rule
 * ids a run may report for it: the first is the one expected; a few rows
 * (time budgets) accept either of two outcomes, as the checklist allows.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HOSTILE, copyFlat } from './cli.js';

/** What a run must report for one hostile file. */
export interface Expectation {
  /** Acceptable rule ids (any one of them must be reported, as an error unless `severity` says otherwise). */
  rules: string[];
  severity?: 'error' | 'warning';
  /** True when "no error at all" is also acceptable (the note parsed within its budget). */
  mayPass?: boolean;
  /** The checklist row it stands for. */
  row: string;
}

const fm = (row: string, rule: string): Expectation => ({ rules: [rule], row });

/** Committed files in test/fixtures/hostile/bad/ → what lint must say. */
export const BAD_FILES: Record<string, Expectation> = {
  'fm-lang-js.md': fm('---js', 'frontmatter-language'),
  'fm-lang-javascript.md': fm('---javascript', 'frontmatter-language'),
  'fm-lang-JS-upper.md': fm('---JS', 'frontmatter-language'),
  'fm-lang-JavaScript-mixed.md': fm('---JavaScript', 'frontmatter-language'),
  'fm-lang-space-js.md': fm('--- js', 'frontmatter-language'),
  'fm-lang-js-crlf.md': fm('---js\\r\\n', 'frontmatter-language'),
  'fm-lang-coffee.md': fm('---coffee', 'frontmatter-language'),
  'bom-then-js.md': fm('BOM before ---js', 'frontmatter-language'),
  'fm-lang-constructor.md': fm('---constructor', 'frontmatter-language'),
  'fm-lang-toString.md': fm('---toString', 'frontmatter-language'),
  'fm-lang-hasOwnProperty.md': fm('---hasOwnProperty', 'frontmatter-language'),
  'fm-lang-__proto__.md': fm('---__proto__', 'frontmatter-language'),
  'fm-unterminated.md': fm('opening --- never closed', 'frontmatter-missing'),
  'fm-scalar.md': fm('scalar front matter', 'frontmatter-mapping'),
  'fm-list.md': fm('list front matter', 'frontmatter-mapping'),
  'fm-empty-block.md': fm('empty front matter', 'required-field'),
  'fm-missing.md': fm('no front matter', 'frontmatter-missing'),
  'yaml-duplicate-key.md': fm('title: a / title: b', 'frontmatter-duplicate-key'),
  'yaml-alias-bomb.md': fm('9x9 alias bomb', 'frontmatter-alias'),
  'yaml-octal-venue.md': fm('zip: 012345', 'field-type'),
  'yaml-sexagesimal-year.md': fm('time: 1:30', 'field-type'),
  'title-number.md': fm('title: 123', 'field-type'),
  'title-list.md': fm('title: [a, b]', 'field-type'),
  'title-empty.md': fm('title: (empty)', 'required-field'),
  'empty.md': fm('empty file', 'file-empty'),
  'whitespace-only.md': fm('whitespace-only file', 'file-empty'),
  'invalid-utf8.md': fm('invalid UTF-8', 'file-not-utf8'),
  'overlong-utf8.md': fm('overlong UTF-8', 'file-not-utf8'),
  'lone-surrogate.md': fm('UTF-8-encoded surrogate', 'file-not-utf8'),
  'utf16le-bom.md': fm('UTF-16 LE with BOM', 'file-not-utf8'),
  'utf16be-nobom.md': fm('UTF-16 BE without BOM', 'file-not-utf8'),
  'png-renamed.md': fm('a PNG renamed .md', 'file-not-utf8'),
  'nul-byte.md': fm('a NUL byte', 'file-nul-byte'),
};

/** Generated files (paths inside the library) → what lint must say. */
export const GENERATED: Record<string, Expectation> = {
  'big-5mb.md': fm('a 5 MB .md', 'file-too-large'),
  'fm-too-large.md': fm('front matter over 64 KB', 'frontmatter-too-large'),
  'UPPER.MD': { rules: ['discovery-extension'], severity: 'warning', row: 'UPPER.MD' },
  'x.markdown': { rules: ['discovery-extension'], severity: 'warning', row: 'x.markdown' },
  'caf\u00e9.md': fm('café.md in NFC', 'discovery-collision'),
  'cafe\u0301.md': fm('café.md in NFD', 'discovery-collision'),
  'Note.md': fm('Note.md', 'discovery-collision'),
  'note.md': fm('note.md', 'discovery-collision'),
  'loop/self': { rules: ['discovery-symlink'], severity: 'warning', row: 'symlink loop' },
  'passwd.md': { rules: ['discovery-symlink'], severity: 'warning', row: 'symlink to /etc/passwd' },
  'deep-quote.md': { rules: ['file-parse-overflow', 'file-parse-timeout'], mayPass: true, row: "'>' x 2000" },
  'emph-bomb.md': { rules: ['file-parse-timeout'], mayPass: true, row: "'*_' x 20000" },
};

/** Notes that must get no finding at all. */
export const GOOD_NOTES = ['owning-teams.md', 'queues-everywhere.md', 'yaml-values.md', 'long-wikilink.md'];
/** Notes full of XSS payloads: raw-html (and key-order) warnings only, and they must build. */
export const XSS_NOTES = ['links-to-xss.md', 'xss-html.md', 'xss-links.md', 'xss-title.md'];

/** A valid note from the good fixtures with `insert` placed before its Critique section and a new title/source. */
export function goodNoteWith(insert: string, title: string): string {
  const base = readFileSync(path.join(HOSTILE, 'good', 'owning-teams.md'), 'utf8');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return base
    .replace('title: Outcome-owning squads', `title: ${title}`)
    .replace('https://example.com/owning-teams', `https://example.com/${slug}`)
    .replace('## Critique', `${insert}\n\n## Critique`);
}

/** Writes the good and XSS notes and the glossary into `library`. */
export function writeSafeLibrary(library: string): void {
  copyFlat(library, path.join(HOSTILE, 'good'), path.join(HOSTILE, 'xss'));
  writeFileSync(path.join(library, 'concepts.yml'), readFileSync(path.join(HOSTILE, 'concepts.yml')));
  writeFileSync(path.join(library, 'long-wikilink.md'), goodNoteWith(`[[${'a'.repeat(50_000)}!`, 'Long wikilink'));
}

/** Writes the whole hostile library (safe notes, committed bad files, generated ones) into `library`. */
export function writeHostileLibrary(library: string): void {
  writeSafeLibrary(library);
  copyFlat(library, path.join(HOSTILE, 'bad'));
  const write = (name: string, data: string | Uint8Array): void => writeFileSync(path.join(library, name), data);
  const filler = 'A sentence of filler prose that pads this note. ';
  write('big-5mb.md', goodNoteWith(filler.repeat(Math.ceil((5 * 1024 * 1024) / filler.length)), 'Five megabytes'));
  const bigYaml = `notes: "${'x'.repeat(70 * 1024)}"`;
  write('fm-too-large.md', goodNoteWith('', 'Big front matter').replace('---\n\n', `${bigYaml}\n---\n\n`));
  write('UPPER.MD', goodNoteWith('', 'Upper case extension'));
  write('x.markdown', goodNoteWith('', 'Long extension'));
  write('caf\u00e9.md', goodNoteWith('', 'Cafe NFC'));
  write('cafe\u0301.md', goodNoteWith('', 'Cafe NFD'));
  write('Note.md', goodNoteWith('', 'Note upper'));
  write('note.md', goodNoteWith('', 'Note lower'));
  mkdirSync(path.join(library, 'loop'));
  symlinkSync('../loop', path.join(library, 'loop', 'self'));
  symlinkSync('/etc/passwd', path.join(library, 'passwd.md'));
  write('deep-quote.md', goodNoteWith(`${'>'.repeat(2000)} a`, 'Deep quote'));
  write('emph-bomb.md', goodNoteWith(`${'*_'.repeat(20_000)}x`, 'Emphasis bomb'));
}

/** Every hostile (bad or generated) path, for removal before the build-must-succeed phase. */
export const HOSTILE_PATHS = [...Object.keys(BAD_FILES), ...Object.keys(GENERATED)];
