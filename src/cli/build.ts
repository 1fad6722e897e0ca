/**
 * `commonplace build [--library DIR] [--out DIR] [--no-cache]`
 *
 * Lints first: errors stop the build (exit 1, the report printed, nothing in
 * the output folder touched); warnings are printed and the build goes on.
 * Then every output is rendered in memory and written atomically, one file
 * at a time, so an interrupted build leaves each previous output whole.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import { rules } from '../check/rules/index.js';
import { ConfigError, selectOutputs, type Config } from '../config.js';
import { buildProject } from '../project.js';
import type { Diagnostic } from '../types.js';
import { formatters } from './format/index.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec } from './io.js';
import { reportFailure } from './errors.js';
import { withFolderLocks } from './locks.js';
import { displayPath, locateLibrary } from './library.js';
import { runWithRoomFor } from './heap.js';

/** The command line of `build`: flags, usage line, help and examples. */
export const spec = {
  name: 'build',
  usage: 'build [options]',
  description: `Lints the library, then writes the outputs chosen by config "outputs" or --outputs:
  markdown  handbook.md          html    handbook.html
  index     index.json, index.schema.json
  epub      handbook.epub        pdf     handbook.pdf (opt-in: needs Chromium)
  bibtex    references.bib       csl     references.json (CSL-JSON)
  site      site/ (one page per essay and concept; see "commonplace serve")
  all       every one of these   (default: all but pdf)`,
  flags: {
    library: { type: 'string', value: 'DIR', help: 'the library folder (default: "library" in commonplace.config.json)' },
    out: { type: 'string', value: 'DIR', help: 'the output folder (default: "dist" in commonplace.config.json)' },
    outputs: { type: 'string', value: 'LIST', help: 'comma-separated output names, replacing config "outputs" (--outputs all,pdf)' },
    'no-cache': { type: 'boolean', help: 'parse every note afresh (cache: the project\'s node_modules/.cache/commonplace/, else ~/.cache/commonplace/)' },
    watch: { type: 'boolean', help: 'build, then rebuild after every saved change (Ctrl-C to stop)' },
  },
  examples: ['commonplace build', 'commonplace build --outputs epub,pdf   # only the e-book and the PDF', 'commonplace build --out public   # write into public/ instead of dist/', 'commonplace build --watch'],
  notes: `Exit codes: 0 built, 1 lint errors (nothing written), 2 usage, config or environment error, also a PDF that could not be printed
(the other outputs are still written) (--watch: 0 when stopped).
SOURCE_DATE_EPOCH, when set, adds a generatedAt timestamp to index.json; nothing else varies.`,
} as const satisfies CommandSpec;

/** Libraries larger than this get a progress line on a terminal. */
const PROGRESS_THRESHOLD = 300;

export const run = defineCommand(spec, async ({ values }, io, argv) => {
  const located = locateLibrary(io, values.library);
  const { configDir, root } = located;
  const config = values.outputs === undefined ? located.config : { ...located.config, outputs: outputsFlag(values.outputs) };
  // Ignoring a bad value would silently drop generatedAt; empty counts as unset (as CI templates leave it).
  const epoch = io.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && !/^\d{1,12}$/.test(epoch)) {
    throw new ConfigError(`SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds since 1970-01-01 (e.g. 1700000000); fix or unset it`);
  }
  const relaunched = await runWithRoomFor(io, root, 'build', argv);
  if (relaunched !== undefined) return relaunched;
  const outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : path.resolve(configDir, config.out);
  checkOutFolder(io, outDir, root, values.out !== undefined);
  const cache = values['no-cache'] ? undefined : openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) });
  // One build at a time per output folder and per cache: a second one waits (see locks.ts).
  const owned = { cache: cache ? defaultCacheDir(configDir) : undefined, out: outDir };
  const once = (): Promise<number> => withFolderLocks(io, owned, () => buildOnce(io, { root, config, configDir, outDir, cache }));
  if (!values.watch) return once();
  // A rebuild that fails (a full disk…) is reported in one line, and watching goes on.
  const reported = (): Promise<number> => once().catch((error: unknown) => reportFailure('build', error, io));
  return (await import('./watch.js')).runWatching(root, reported, io); // chokidar only when watching
});

/** `--outputs a,b` as a list of names, checked like config "outputs" (a bad name is a usage error, exit 2). */
function outputsFlag(value: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  try {
    selectOutputs(names, '--outputs');
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return names;
}

interface BuildTarget {
  root: string;
  config: Config;
  outDir: string;
  configDir: string;
  cache: PersistentNoteCache | undefined;
}

/** One build (`buildProject`), then its report. Returns the exit code. */
async function buildOnce(io: CommandIO, { root, config, configDir, outDir, cache }: BuildTarget): Promise<number> {
  const started = process.hrtime.bigint();
  const progress = io.stderr.isTTY === true ? progressLine(io) : undefined;
  const outcome = await buildProject({ root, config, configDir }, outDir, cache, { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH, onProgress: progress });
  progress?.(-1, 0);
  const seconds = (): string => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);

  const report = lintReport(io, root, outcome.findings);
  if (report) io.stdout.write(report);
  if (outcome.status === 'up-to-date') {
    io.stdout.write(`Up to date: nothing changed since the last build; ${displayPath(io, outDir)} left as it is (${seconds()} s)\n`);
    return 0;
  }
  if (outcome.status === 'lint-errors') {
    const errors = outcome.findings.filter((d) => d.severity === 'error').length;
    io.stderr.write(`commonplace build: ${errors} lint error${errors === 1 ? '' : 's'}; nothing written to ${displayPath(io, outDir)}\n`);
    return 1;
  }
  // An output that could not be made (a PDF without Chromium) is an environment error, after the others are written.
  for (const problem of outcome.problems) io.stderr.write(`commonplace build: ${problem}\n`);
  for (const notice of outcome.notices) io.stdout.write(`Notice: ${notice}\n`);
  const { notes, concepts } = outcome.library;
  if (notes.length === 0) {
    io.stdout.write(`Notice: ${displayPath(io, root)} has no notes yet; wrote an empty handbook (add one with "commonplace new").\n`);
  }
  const links = notes.reduce((sum, n) => sum + n.links.length, 0);
  io.stdout.write(
    `Built ${plural(notes.length, 'note')}, ${plural(concepts.length, 'concept')}, ${plural(links, 'link')} → ` +
      `${plural(outcome.written.length, 'file')} in ${displayPath(io, outDir)} (${seconds()} s)\n`,
  );
  return outcome.problems.length > 0 ? 2 : 0;
}

/**
 * Refuses, before anything is read or written, an output folder that is a
 * file, or that is, holds or sits inside the library: the outputs would land
 * among the notes (and be linted as notes by the next build).
 */
function checkOutFolder(io: CommandIO, outDir: string, root: string, fromFlag: boolean): void {
  const refuse = (why: string): never => {
    const what = fromFlag ? `--out ${displayPath(io, outDir)}` : `"out" in commonplace.config.json (${displayPath(io, outDir)})`;
    throw fromFlag ? new UsageError(`${what} ${why}`) : new ConfigError(`${what} ${why}`);
  };
  const out = realPathOf(outDir);
  const library = realPathOf(root);
  if (out === library) refuse('is the library folder: choose another output folder, such as dist');
  if (isInside(out, library)) refuse(`is inside the library folder ${displayPath(io, root)}: choose a folder outside it, such as dist`);
  if (isInside(library, out)) refuse(`holds the library folder ${displayPath(io, root)}: choose a folder of its own, such as dist`);
  let stats;
  try {
    stats = statSync(outDir);
  } catch {
    return; // absent: created when the outputs are written
  }
  if (!stats.isDirectory()) refuse('is a file, not a folder: choose a folder for the outputs');
}

/** `file` with symlinks resolved as far as it exists (the rest appended), so a link to the library is seen as the library. */
function realPathOf(file: string): string {
  const missing: string[] = [];
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...missing.reverse());
    } catch {
      if (path.dirname(at) === at) return path.resolve(file);
      missing.push(path.basename(at));
    }
  }
}

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The lint findings as the stylish report, paths as the user would type them; '' when clean. */
function lintReport(io: CommandIO, root: string, diagnostics: readonly Diagnostic[]): string {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return '';
  const display = (file: string): string => displayPath(io, path.join(root, file));
  const mapped = shown.map((d) => ({ ...d, file: display(d.file) }));
  const files = [...new Set(mapped.map((d) => d.file))];
  return formatters.stylish({ diagnostics: mapped, files, rules, color: io.stdout.isTTY === true && io.env.NO_COLOR === undefined });
}

/** A one-line progress counter on stderr for large libraries; `(-1, 0)` clears it. */
function progressLine(io: CommandIO): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (done < 0) {
      if (last > 0) io.stderr.write('\r\x1b[K');
      return;
    }
    if (total < PROGRESS_THRESHOLD) return;
    if (done !== total && done - last < 50) return;
    last = done;
    io.stderr.write(`\rReading notes ${done}/${total}`);
  };
}
