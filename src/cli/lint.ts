/**
 * `commonplace lint [FILE…] [--library DIR] [--format F] [--fix] [--max-warnings N]`
 *
 * Reads and checks the library, prints the findings, and decides the exit
 * code: 0 when there are no errors and no more warnings than --max-warnings,
 * 1 otherwise, 2 for a usage or config error. `--fix` first writes the safe
 * fixes (atomically, only the fixed bytes change), then reports what is left.
 * Paths in the output are relative to the working directory, as the user
 * would type them.
 */
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rules } from '../check/rules/index.js';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import type { Config } from '../config.js';
import { lintLibrary } from '../pipeline.js';
import { decode } from '../read/decode.js';
import type { Concept, Diagnostic } from '../types.js';
import { writeFileAtomic } from '../util/fs-write.js';
import { compareCodePoints } from '../util/sort.js';
import { formatters, isFormatName, type FormatName } from './format/index.js';
import { UsageError, type Command, type CommandIO } from './io.js';
import { locateLibrary } from './library.js';
import { runWithRoomFor } from './heap.js';

/** The `lint --help` text. */
export const usage = `Usage: commonplace lint [FILE…] [options]

Checks the notes of the library (every note, or only the FILEs given; rules
that compare notes still see the whole library).

Options:
  --library DIR       the library folder (default: "library" in commonplace.config.json)
  --format NAME       stylish (default), json (ESLint's JSON), sarif (SARIF 2.1.0), github (Actions annotations)
  --fix               apply safe fixes (heading spelling and level, trailing whitespace, key order), then report the rest
  --max-warnings N    exit 1 when there are more than N warnings (default: no limit)
  --no-cache          parse every note afresh (cache: the project's node_modules/.cache/commonplace/, else ~/.cache/commonplace/)
  --watch             lint, then lint again after every saved change (Ctrl-C to stop)
  -h, --help          show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage or config error.`;

interface LintOptions {
  files: string[];
  library: string | undefined;
  format: FormatName;
  fix: boolean;
  maxWarnings: number;
  /** False with --no-cache. */
  cache: boolean;
  watch: boolean;
  help: boolean;
}

/** Parses the command line; throws UsageError on anything it does not understand. */
export function parseLintArgs(argv: string[]): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        library: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) {
    throw new UsageError(`unknown format "${format}"; expected one of ${Object.keys(formatters).join(', ')}`);
  }
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings expects a whole number ≥ 0, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  return { files: positionals, library: values.library, format, fix: values.fix ?? false, maxWarnings, cache: !(values['no-cache'] ?? false), watch: values.watch ?? false, help: values.help ?? false };
}

/** FILE arguments as library-relative, `/`-separated paths; refuses files outside the library. */
function libraryFiles(files: string[], root: string, io: CommandIO): string[] {
  return files.map((file) => {
    const relative = path.relative(root, path.resolve(io.cwd, file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UsageError(`${file} is not inside the library ${path.relative(io.cwd, root) || '.'}; pass --library to lint another folder`);
    }
    let isFile = false;
    try {
      // lstat: a symlink is not followed, but discovery still has a word for it (discovery-symlink).
      const stat = lstatSync(path.join(root, relative));
      isFile = stat.isFile() || stat.isSymbolicLink();
    } catch {
      isFile = false;
    }
    if (!isFile) throw new UsageError(`no such file: ${file}`);
    return relative.split(path.sep).join('/');
  });
}

/** Writes the safe fixes for every note that has one; returns how many files changed. */
async function applyFixesToLibrary(root: string, config: Config, diagnostics: readonly Diagnostic[], concepts: readonly Concept[]): Promise<number> {
  const { fixFile } = await import('../check/fix.js'); // it parses: loaded only for --fix
  const files = [...new Set(diagnostics.filter((d) => d.fix).map((d) => d.file))].sort(compareCodePoints);
  let changed = 0;
  for (const file of files) {
    const absolute = path.join(root, file);
    const bytes = readFileSync(absolute);
    const result = fixFile({ path: file, bytes }, config, concepts);
    if (result.text === null || result.applied === 0) continue;
    const next = Buffer.from(result.text, 'utf8');
    if (next.equals(bytes)) continue;
    writeFileAtomic(absolute, next);
    changed++;
  }
  return changed;
}

/** The `lint` command. */
export const run: Command = async (argv, io) => {
  const options = parseLintArgs(argv);
  if (options.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const { config, configDir, root } = locateLibrary(io, options.library);
  const relaunched = await runWithRoomFor(io, root, 'lint', argv);
  if (relaunched !== undefined) return relaunched;
  const only = options.files.length > 0 ? libraryFiles(options.files, root, io) : undefined;
  const cache = options.cache ? openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) }) : undefined;
  const once = (): Promise<number> => lintOnce(io, options, { root, config, cache, only });
  return options.watch ? (await import('./watch.js')).runWatching(root, once, io) : once(); // chokidar only when watching
};

interface LintTarget {
  root: string;
  config: Config;
  cache: PersistentNoteCache | undefined;
  only: string[] | undefined;
}

/** One lint run: check, fix if asked, print the report. Returns the exit code. */
async function lintOnce(io: CommandIO, options: LintOptions, { root, config, cache, only }: LintTarget): Promise<number> {
  const lint = () => lintLibrary({ root, config, cache, noteResults: cache, ...(only ? { files: only } : {}) });
  let result = await lint();
  if (options.fix && (await applyFixesToLibrary(root, config, result.diagnostics, result.concepts)) > 0) result = await lint();
  cache?.flush();

  const known = new Set([...result.notes.map((n) => n.path), ...result.failures.map((f) => f.path)]);
  // A named file discovery only warns about (`X.MD`, a symlink) counts as seen: its warning is the answer.
  const seen = new Set([...known, ...result.diagnostics.map((d) => d.file)]);
  for (const file of only ?? []) {
    if (!seen.has(file)) throw new UsageError(`no note found at ${file} (only .md files inside the library are linted)`);
  }
  const display = (file: string): string => path.relative(io.cwd, path.join(root, file)).split(path.sep).join('/');
  const diagnostics = result.diagnostics.map((d) => ({
    ...d,
    file: display(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: display(r.file) })) } : {}),
  }));
  const files = [...(only ?? known)].map(display).sort(compareCodePoints);
  const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined && options.format === 'stylish';
  const suppressed = result.suppressed.map((d) => ({ ...d, file: display(d.file) }));
  const sources = options.format === 'json' ? readSources(root, result.diagnostics, display) : undefined;
  io.stdout.write(formatters[options.format]({ diagnostics, files, rules, color, suppressed, ...(sources ? { sources } : {}) }));

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings > options.maxWarnings) {
    io.stderr.write(`commonplace lint: too many warnings (${warnings}); at most ${options.maxWarnings} allowed (--max-warnings)\n`);
  }
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
}

/**
 * The text of each file with errors or warnings, by display path (ESLint's
 * `source`): decoded as the reader does (BOM removed, line endings `\n`), so
 * fix ranges point into it. Symlinks and files that are not UTF-8 text have none.
 */
function readSources(root: string, diagnostics: readonly Diagnostic[], display: (file: string) => string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const file of new Set(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.file))) {
    try {
      const absolute = path.join(root, file);
      if (!lstatSync(absolute).isFile()) continue;
      const bytes = readFileSync(absolute);
      const decoded = decode(bytes, Infinity);
      if (decoded.ok || bytes.length === 0) sources.set(display(file), decoded.ok ? decoded.text : '');
    } catch {
      // unreadable now (removed since the run began): no source, as for any file that cannot be read
    }
  }
  return sources;
}
