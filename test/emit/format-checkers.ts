/**
 * The real checkers the distribution formats are tested with: the official
 * CSL-JSON schema (read in place from ../shared, never copied) through ajv,
 * and command-line tools (pandoc, epubcheck, poppler) when installed.
 * A missing checker skips its test with a visible reason, except that
 * `.ci/run` (COMMONPLACE_REQUIRE_BENCHMARKS=1) makes the shared schema mandatory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import Ajv from 'ajv';
import type { TestContext } from 'vitest';
import type { CslItem } from '../../src/emit/csl.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

/** Notes whose references are hard to write: particles, suffixes, CJK, TeX specials, an id that is no plain key. */
export const REFERENCES_LIBRARY = path.join(here, '../fixtures/emit/references/');
/** One note with the constructs HTML and XHTML write differently (hard breaks, rules, task lists, footnotes, `]]>`); it links to the fixture library. */
export const MARKUP_LIBRARY = path.join(here, '../fixtures/emit/markup/');

/** The shared folder beside the repository (COMMONPLACE_SHARED_DIR overrides it, e.g. from a git worktree). */
const shared = process.env.COMMONPLACE_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
/** The official CSL-JSON schema (MIT, citation-style-language/schema). */
export const CSL_SCHEMA = path.join(shared, 'schemas', 'csl', 'csl-data.json');
const required = process.env.COMMONPLACE_REQUIRE_BENCHMARKS === '1';

let validator: ((data: unknown) => string[]) | undefined;

/** Schema errors of `items` (`[]` when valid); skips the test when the schema is absent (and not required). */
export function validateCsl(items: unknown, context: TestContext): string[] {
  if (!validator) {
    if (!existsSync(CSL_SCHEMA) && !required) {
      const reason = `no CSL schema at ${CSL_SCHEMA}: put the shared/ folder beside this repository (or set COMMONPLACE_SHARED_DIR) to validate CSL-JSON`;
      console.warn(`Skipping: ${reason}`);
      context.skip(reason);
    }
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(CSL_SCHEMA, 'utf8')) as object);
    validator = (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
  }
  return validator(items);
}

/** True when `command` runs (`--version` exits 0). */
export function hasCommand(command: string, args: string[] = ['--version']): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0;
}

/** Skips the test, saying so, when `command` is not installed (`.ci/run` installs each one). */
export function requireCommand(command: string, context: TestContext, install: string, args?: string[]): void {
  if (hasCommand(command, args)) return;
  const reason = `${command} is not installed (${install})`;
  console.warn(`Skipping: ${reason}`);
  context.skip(reason);
}

/** Runs a command; returns its exit code, stdout and stderr. */
export function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Renders every entry of a bibliography file with `pandoc --citeproc`; returns the text and pandoc's stderr. */
export function citeproc(bibliography: string): { code: number | null; text: string; stderr: string } {
  const { code, stdout, stderr } = run('pandoc', ['--citeproc', `--bibliography=${bibliography}`, '-t', 'plain', '--wrap=none'], { input: '---\nnocite: "@*"\n---\n' });
  return { code, text: stdout, stderr };
}

/** epubcheck (Debian's package and a Java runtime) on one EPUB: its exit code and every message line. */
export function epubcheck(file: string): { code: number | null; messages: string[]; summary: string } {
  const { code, stdout, stderr } = run('java', ['-jar', EPUBCHECK_JAR, file]);
  const lines = `${stdout}\n${stderr}`.split('\n');
  return { code, messages: lines.filter((l) => /^(FATAL|ERROR|WARNING|USAGE|INFO)/.test(l)), summary: lines.find((l) => l.startsWith('Messages:')) ?? '' };
}

/** Where Debian's epubcheck package puts the jar. */
export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

/** Skips the test, saying so, when epubcheck or Java is missing. */
export function requireEpubcheck(context: TestContext): void {
  if (existsSync(EPUBCHECK_JAR) && hasCommand('java', ['-version'])) return;
  const reason = `epubcheck is not installed (apt-get install epubcheck default-jre-headless; .ci/run does)`;
  console.warn(`Skipping: ${reason}`);
  context.skip(reason);
}

/** The text of each page of a PDF (poppler's pdftotext; pages split at its form feeds). */
export function pdfPages(file: string): string[] {
  const { code, stdout, stderr } = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  if (code !== 0) throw new Error(`pdftotext ${file}: ${stderr}`);
  return stdout.split('\f').slice(0, -1);
}

/** The text of each page as laid out (pdftotext -layout: a contents line keeps its title and page number on one line). */
export function pdfLayoutPages(file: string): string[] {
  const { code, stdout, stderr } = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  if (code !== 0) throw new Error(`pdftotext ${file}: ${stderr}`);
  return stdout.split('\f').slice(0, -1);
}

/** Each named destination's page, as poppler reads it (pdfinfo -dests). */
export function pdfDestinationPages(file: string): Map<string, number> {
  const { stdout } = run('pdfinfo', ['-dests', file]);
  return new Map([...stdout.matchAll(/^\s*(\d+) .*"([^"]+)"\s*$/gm)].map((m) => [m[2]!, Number(m[1])]));
}

/** pdfinfo's fields (`Pages`, `Tagged`, `CreationDate`…). */
export function pdfInfo(file: string): Record<string, string> {
  const { stdout } = run('pdfinfo', [file]);
  return Object.fromEntries(stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The PDF's outline (bookmarks) as [depth, page, title], from poppler's pdftohtml -xml. */
export function pdfOutline(file: string): [depth: number, page: number, title: string][] {
  const { stdout } = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const items: [number, number, string][] = [];
  let depth = 0;
  for (const match of stdout.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') depth--;
    else items.push([depth, Number(match[1]), match[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"')]);
  }
  return items;
}

/** The named destinations a PDF defines (pdfinfo -dests). */
export function pdfDestinations(file: string): Set<string> {
  const { stdout } = run('pdfinfo', ['-dests', file]);
  return new Set([...stdout.matchAll(/"([^"]+)"\s*$/gm)].map((m) => m[1]!));
}

/** The named destinations the PDF's link annotations go to (Chromium writes `/Dest /name`, uncompressed). */
export function pdfLinkTargets(bytes: Uint8Array): string[] {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/Dest \/([^\s/<>[\]()]+)/g)].map((m) => m[1]!);
}

/**
 * Parses `bib` back with @retorquere/bibtex-parser and lists every way it
 * differs from the CSL items it was written from (same order, same keys,
 * every field equal); `[]` when the round trip is exact.
 */
export function bibtexMismatches(bib: string, items: CslItem[]): string[] {
  const parsed = parseBibtex(bib, { english: false, sentenceCase: false, caseProtection: false });
  const out = parsed.errors.map((e) => `parse error: ${JSON.stringify(e)}`);
  if (parsed.entries.length !== items.length) out.push(`${parsed.entries.length} entries for ${items.length} items`);
  for (const [i, entry] of parsed.entries.entries()) {
    const item = items[i];
    if (!item) break;
    const same = (what: string, got: unknown, want: unknown): void => {
      if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${item.id} ${what}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    };
    same('key', entry.key, item.id);
    same('author', (entry.fields.author ?? []).map((c: Creator) => [c.lastName ?? c.name, c.firstName, c.prefix, c.suffix]), (item.author ?? []).map((n) => [n.family, n.given, n['non-dropping-particle'], n.suffix]));
    same('title', entry.fields.title, item.title);
    same('venue', entry.fields.journal ?? entry.fields.publisher?.[0] ?? entry.fields.howpublished, item['container-title'] ?? item['event-title'] ?? item.publisher);
    same('year', entry.fields.year, item.issued ? String(item.issued['date-parts'][0][0]) : undefined);
    same('url', entry.fields.url, item.URL);
    same('note', entry.fields.note, item.note);
    same('abstract', entry.fields.abstract, item.abstract?.replace(/\s+/g, ' '));
  }
  return out;
}
