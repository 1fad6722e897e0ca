/**
 * The programmatic API: `import { lint, build, loadLibrary } from 'commonplace'`.
 *
 * The same work as the CLI's commands, with results returned as data: no
 * printing, no `process.exit`. A project that cannot be used as given (an
 * invalid `commonplace.config.json`, no library folder, a file outside the
 * library) throws `ConfigError`, where the CLI exits 2. The CLI's `lint`
 * runs the same `lintProject` (src/project.ts), so both report the same findings.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from './cache/index.js';
import type { CommandIO } from './cli/io.js';
import { withFolderLocks } from './cli/locks.js';
import { ConfigError, type Config } from './config.js';
import { findMentions } from './link/mentions.js';
import { lintLibrary } from './pipeline.js';
import { buildProject, findProject, lintProject, openProjectCache, type Project } from './project.js';
import type { Concept, Diagnostic, Library, Note, NoteBodies } from './types.js';
import { compareCodePoints } from './util/sort.js';

export { ConfigError } from './config.js';
export type { Config } from './config.js';
export type { BodyPart, Concept, Diagnostic, Library, LinkedConcept, LinkedNote, Note, NoteBodies, NoteBody, Severity } from './types.js';

/** Where the project is; every path option is relative to `cwd`. */
export interface ProjectOptions {
  /** The project folder, where `commonplace.config.json` is read (default: `process.cwd()`). */
  cwd?: string;
  /** The library folder (default: the config's `library`), as `--library`. */
  library?: string;
  /** Use the cache in `node_modules/.cache/commonplace/` (default true); false is `--no-cache`. */
  cache?: boolean;
}

export interface LintOptions extends ProjectOptions {
  /** Report only on these files (relative to `cwd`, inside the library); library-wide rules still see every note. */
  files?: string[];
  /** Write the safe fixes first, then report what is left, as `--fix`. */
  fix?: boolean;
}

export interface LintReport {
  /** Absolute path of the library folder; every `file` below is relative to it, `/`-separated. */
  root: string;
  /** Every finding (errors, warnings and info-level suggestions), sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  /** The files reported on, sorted. */
  files: string[];
  errorCount: number;
  warningCount: number;
  /** How many files `fix` changed (0 without it). */
  fixedFiles: number;
}

/** Checks the library, as `commonplace lint`. The CLI exits 1 when `errorCount > 0`. */
export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const project = findProject(cwd, options.library);
  const only = options.files && options.files.length > 0 ? libraryFiles(project, cwd, options.files) : undefined;
  const cache = options.cache === false ? undefined : openProjectCache(project);
  const { result, fixedFiles } = await lintProject(project, cache, { only, fix: options.fix ?? false });
  const known = [...result.notes.map((n) => n.path), ...result.failures.map((f) => f.path)];
  const knownSet = new Set(known);
  for (const file of only ?? []) {
    if (!knownSet.has(file)) throw new ConfigError(`no note found at ${file} (only .md files inside the library are linted)`);
  }
  const files = only ?? known.sort(compareCodePoints);
  return { root: project.root, diagnostics: result.diagnostics, files, ...counts(result.diagnostics), fixedFiles };
}

/**
 * FILE arguments (relative to `cwd`, or absolute) as library-relative,
 * `/`-separated paths. Throws ConfigError for a file outside the library or
 * one that does not exist.
 */
function libraryFiles(project: Project, cwd: string, files: readonly string[]): string[] {
  const { root } = project;
  return files.map((file) => {
    const relative = path.relative(root, path.resolve(cwd, file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new ConfigError(`${file} is outside the library (${path.relative(cwd, root) || '.'}); only notes inside it are linted`);
    }
    let isFile = false;
    try {
      isFile = statSync(path.join(root, relative)).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw new ConfigError(`no such file: ${file}`);
    return relative.split(path.sep).join('/');
  });
}

export interface BuildOptions extends ProjectOptions {
  /** The output folder (default: the config's `out`), as `--out`. */
  out?: string;
  /** Adds `generatedAt` to index.json (default: the `SOURCE_DATE_EPOCH` environment variable, as the CLI). */
  sourceDateEpoch?: string;
}

export interface BuildReport {
  /** `built`; `up-to-date` (nothing changed since the last clean build: nothing written); `lint-errors` (nothing written). */
  status: 'built' | 'up-to-date' | 'lint-errors';
  root: string;
  /** Absolute path of the output folder. */
  outDir: string;
  /** The lint findings (none when up to date: only a build with nothing to report is ever skipped). */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Absolute paths of the files written, sorted. */
  written: string[];
  /** Counts of what was built (0 unless `built`). */
  notes: number;
  concepts: number;
  links: number;
}

/**
 * Lints, then writes the handbook and index, as `commonplace build` (the same
 * `buildProject`, src/project.ts); one build at a time per output folder and
 * cache, as the CLI (a second one waits).
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const project = findProject(cwd, options.library);
  const outDir = options.out !== undefined ? path.resolve(cwd, options.out) : path.resolve(project.configDir, project.config.out);
  const cache = options.cache === false ? undefined : openProjectCache(project);
  const sourceDateEpoch = 'sourceDateEpoch' in options ? options.sourceDateEpoch : process.env.SOURCE_DATE_EPOCH;
  const quiet = { cwd, env: {}, stdout: process.stdout, stderr: { write: () => true }, stdin: process.stdin } as unknown as CommandIO;
  const owned = { cache: cache ? defaultCacheDir(project.configDir) : undefined, out: outDir };
  const outcome = await withFolderLocks(quiet, owned, () => buildProject(project, outDir, cache, { sourceDateEpoch }));
  const report = { root: project.root, outDir, diagnostics: outcome.findings, ...counts(outcome.findings) };
  if (outcome.status !== 'built') return { status: outcome.status, ...report, written: [], notes: 0, concepts: 0, links: 0 };
  const { notes, concepts } = outcome.library;
  return {
    status: 'built',
    ...report,
    written: outcome.written,
    notes: notes.length,
    concepts: concepts.length,
    links: notes.reduce((sum, n) => sum + n.links.length, 0),
  };
}

export interface LoadedLibrary {
  root: string;
  config: Config;
  /** The lint findings, as `lint` reports them. */
  diagnostics: Diagnostic[];
  /** Every note read (its head), sorted by id. */
  notes: Note[];
  /** The notes' bodies (source, tree, plain text…): `bodies.get(note, ['source'])`. */
  bodies: NoteBodies;
  concepts: Concept[];
  /**
   * The linked library the handbook and index are made from (mentions,
   * links, backlinks, related notes); null when lint found errors, since
   * `build` would stop there too.
   */
  library: Library | null;
}

/** Reads, checks and links the library without writing anything. Reads every note afresh (no cache). */
export async function loadLibrary(options: Omit<ProjectOptions, 'cache'> = {}): Promise<LoadedLibrary> {
  const cwd = options.cwd ?? process.cwd();
  const { root, config } = findProject(cwd, options.library);
  const lint = await lintLibrary({ root, config });
  const base = { root, config, diagnostics: lint.diagnostics, notes: lint.notes, bodies: lint.bodies, concepts: lint.concepts };
  if (lint.diagnostics.some((d) => d.severity === 'error')) return { ...base, library: null };
  const { linkLibrary } = await import('./link/index.js');
  const library = linkLibrary(lint.notes, lint.concepts, config, lint.bodies, findMentions(lint.notes, lint.concepts, lint.bodies));
  library.diagnostics = lint.diagnostics;
  return { ...base, library };
}

function counts(diagnostics: readonly Diagnostic[]): { errorCount: number; warningCount: number } {
  return {
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
