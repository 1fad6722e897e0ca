/**
 * `commonplace lint [FILE|FOLDER…] [--library DIR] [--format F] [--fix] [--max-warnings N]`
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
import { rules } from '../check/rules/index.js';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import type { Config } from '../config.js';
import { lintProject } from '../project.js';
import { decode } from '../read/decode.js';
import type { Diagnostic } from '../types.js';
import { compareCodePoints } from '../util/sort.js';
import { formatters, isFormatName, type FormatName } from './format/index.js';
import { closestMatch } from '../check/suggest.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec, type ParsedArgs } from './io.js';
import { discover } from '../read/discover.js';
import { displayPath, locateLibrary } from './library.js';
import { withFolderLocks } from './locks.js';
import { runWithRoomFor } from './heap.js';

/** The command line of `lint`: flags, usage line, help and examples. */
export const spec = {
  name: 'lint',
  usage: 'lint [FILE|FOLDER…] [options]',
  description: `Checks the notes of the library (every note, or only the FILEs given, or the
.md files under a FOLDER inside the library; rules that compare notes still
see the whole library). Naming the library folder itself lints all of it.`,
  positionals: 'FILE',
  flags: {
    library: { type: 'string', value: 'DIR', help: 'the library folder (default: "library" in commonplace.config.json)' },
    format: { type: 'string', short: 'f', value: 'NAME', help: 'stylish (default), json (ESLint\'s JSON), sarif (SARIF 2.1.0), github (Actions annotations)' },
    fix: { type: 'boolean', help: 'apply safe fixes (heading spelling and level, trailing whitespace, key order, a relation\'s closest note), then report the rest' },
    'max-warnings': { type: 'string', value: 'N', help: 'exit 1 when there are more than N warnings (default: no limit)' },
    'no-cache': { type: 'boolean', help: 'parse every note afresh (cache: the project\'s node_modules/.cache/commonplace/, else ~/.cache/commonplace/)' },
    watch: { type: 'boolean', help: 'lint, then lint again after every saved change (Ctrl-C to stop)' },
  },
  examples: [
    'commonplace lint                                  # the whole library',
    'commonplace lint library/no-silver-bullet.md      # one note',
    'commonplace lint --format github --max-warnings 0 # in CI',
    'commonplace lint --fix',
  ],
  notes: 'Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage or config error.',
} as const satisfies CommandSpec;

interface LintOptions {
  files: string[];
  library: string | undefined;
  format: FormatName;
  fix: boolean;
  maxWarnings: number;
  /** False with --no-cache. */
  cache: boolean;
  watch: boolean;
}

/** Checks the parsed command line; throws UsageError on a value it does not understand. */
export function lintOptions({ values, positionals }: ParsedArgs<typeof spec.flags>): LintOptions {
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) {
    const names = Object.keys(formatters);
    const match = closestMatch(format, names);
    throw new UsageError(`unknown format "${format}"; ${match !== null ? `did you mean "${match}"?` : `expected one of ${names.join(', ')}`}`);
  }
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings expects a whole number ≥ 0, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  return { files: positionals, library: values.library, format, fix: values.fix ?? false, maxWarnings, cache: !(values['no-cache'] ?? false), watch: values.watch ?? false };
}

/**
 * FILE and FOLDER arguments as library-relative, `/`-separated note paths,
 * as ESLint and markdownlint-cli2 take folders: a folder inside the library
 * stands for the notes under it, the library folder itself for every note
 * (undefined). Anything outside the library is refused with the way to lint it.
 */
async function libraryFiles(args: string[], root: string, config: Config, io: CommandIO): Promise<string[] | undefined> {
  const library = displayPath(io, root);
  const files: string[] = [];
  let notes: string[] | undefined;
  for (const arg of args) {
    const absolute = path.resolve(io.cwd, arg);
    const relative = path.relative(root, absolute);
    const kind = pathKind(absolute);
    if (relative === '') return undefined; // the library itself: every note
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UsageError(
        kind === 'folder'
          ? `${arg} is a folder outside the library (${library}); to lint it as a library, run "commonplace lint --library ${arg}"`
          : `${arg} is outside the library (${library}); only notes inside it are linted (pass --library to lint another library)`,
      );
    }
    const inside = relative.split(path.sep).join('/');
    if (kind === 'missing') throw new UsageError(`no such file or folder: ${arg}`);
    if (kind === 'file') {
      files.push(inside);
      continue;
    }
    notes ??= (await discover(root, config)).files;
    const under = notes.filter((file) => file.startsWith(`${inside}/`));
    if (under.length === 0) throw new UsageError(`no notes under ${arg} (only .md files inside the library are linted)`);
    files.push(...under);
  }
  return [...new Set(files)];
}

/** lstat: a symlink is not followed, but discovery still has a word for it (discovery-symlink). */
function pathKind(absolute: string): 'file' | 'folder' | 'missing' {
  try {
    return lstatSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** The `lint` command. */
export const run = defineCommand(spec, async (args, io, argv) => {
  const options = lintOptions(args);
  const { config, configDir, root } = locateLibrary(io, options.library);
  const relaunched = await runWithRoomFor(io, root, 'lint', argv);
  if (relaunched !== undefined) return relaunched;
  const only = options.files.length > 0 ? await libraryFiles(options.files, root, config, io) : undefined;
  const cache = options.cache ? openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) }) : undefined;
  const owned = { cache: cache ? defaultCacheDir(configDir) : undefined }; // one run at a time per cache (locks.ts)
  const once = (): Promise<number> => withFolderLocks(io, owned, () => lintOnce(io, options, { root, config, cache, only }));
  return options.watch ? (await import('./watch.js')).runWatching(root, once, io) : once(); // chokidar only when watching
});

interface LintTarget {
  root: string;
  config: Config;
  cache: PersistentNoteCache | undefined;
  only: string[] | undefined;
}

/** One lint run (`lintProject`: check, fix if asked), then the report. Returns the exit code. */
async function lintOnce(io: CommandIO, options: LintOptions, { root, config, cache, only }: LintTarget): Promise<number> {
  const { result } = await lintProject({ root, config }, cache, { only, fix: options.fix });

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
