/**
 * `commonplace build [--library DIR] [--out DIR] [--no-cache]`
 *
 * Lints first: errors stop the build (exit 1, the report printed, nothing in
 * the output folder touched); warnings are printed and the build goes on.
 * Then every output is rendered in memory and written atomically, one file
 * at a time, so an interrupted build leaves each previous output whole.
 */
import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isUpToDate, manifestPath, readManifest, writeManifest } from '../cache/build-manifest.js';
import { defaultCacheDir, hashConfig, openNoteCache, type PersistentNoteCache } from '../cache/index.js';
import { rules } from '../check/rules/index.js';
import { ConfigError, selectOutputs, type Config } from '../config.js';
import { writeOutputs } from '../emit/index.js';
import { memoFromNoteCache } from '../emit/memo.js';
import { buildLibrary } from '../pipeline.js';
import type { Diagnostic } from '../types.js';
import { formatters } from './format/index.js';
import { UsageError, type Command, type CommandIO } from './io.js';
import { fingerprintBuild } from './build-inputs.js';
import { displayPath, locateLibrary } from './library.js';
import { runWithRoomFor } from './heap.js';

export const usage = `Usage: commonplace build [options]

Lints the library, then writes the outputs chosen by config "outputs" or --outputs:
  markdown  handbook.md          html    handbook.html
  index     index.json, index.schema.json
  epub      handbook.epub        pdf     handbook.pdf (opt-in: needs Chromium)
  bibtex    references.bib       csl     references.json (CSL-JSON)
  all       every one of these   (default: all but pdf)

Options:
  --library DIR   the library folder (default: "library" in commonplace.config.json)
  --out DIR       the output folder (default: "dist" in commonplace.config.json)
  --outputs LIST  comma-separated output names, replacing config "outputs" (--outputs all,pdf)
  --no-cache      parse every note afresh (the cache lives in node_modules/.cache/commonplace/)
  --watch         build, then rebuild after every saved change (Ctrl-C to stop)
  -h, --help      show this help

Exit codes: 0 built, 1 lint errors (nothing written), 2 usage or config error (--watch: 0 when stopped).
SOURCE_DATE_EPOCH, when set, adds a generatedAt timestamp to index.json; nothing else varies.`;

/** Libraries larger than this get a progress line on a terminal. */
const PROGRESS_THRESHOLD = 300;

export const run: Command = async (argv, io) => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        library: { type: 'string' },
        out: { type: 'string' },
        outputs: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const located = locateLibrary(io, values.library);
  const { configDir, root } = located;
  const config = values.outputs === undefined ? located.config : { ...located.config, outputs: outputsFlag(values.outputs) };
  const relaunched = await runWithRoomFor(io, root, 'build', argv);
  if (relaunched !== undefined) return relaunched;
  const outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : path.resolve(configDir, config.out);
  const cache = values['no-cache'] ? undefined : openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) });
  const manifest = cache ? manifestPath(defaultCacheDir(configDir)) : undefined;
  const once = (): Promise<number> => buildOnce(io, { root, config, outDir, cache, manifest });
  return values.watch ? (await import('./watch.js')).runWatching(root, once, io) : once(); // chokidar only when watching
};

/** `--outputs a,b` as a list of names, checked like config "outputs" (a bad name is a usage error, exit 2). */
function outputsFlag(value: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  try {
    selectOutputs(names, '--outputs');
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${error.message}\n\n${usage}`);
    throw error;
  }
  return names;
}

interface BuildTarget {
  root: string;
  config: Config;
  outDir: string;
  cache: PersistentNoteCache | undefined;
  /** Where the last clean build recorded its inputs and outputs (absent with --no-cache). */
  manifest: string | undefined;
}

/** One build: lint, then (without errors) render and write every output. Returns the exit code. */
async function buildOnce(io: CommandIO, { root, config, outDir, cache, manifest }: BuildTarget): Promise<number> {
  const started = process.hrtime.bigint();
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const fingerprint = manifest ? await fingerprintBuild(root, config, outDir, epoch) : null;
  if (manifest && fingerprint && isUpToDate(readManifest(manifest), fingerprint, outDir)) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.stdout.write(`Up to date: nothing changed since the last build; ${displayPath(io, outDir)} left as it is (${seconds.toFixed(1)} s)\n`);
    return 0;
  }
  const progress = io.stderr.isTTY === true ? progressLine(io) : undefined;

  const memo = cache ? memoFromNoteCache(cache) : undefined;
  const result = await buildLibrary({ root, config, cache, noteResults: cache, memo, onProgress: progress, sourceDateEpoch: epoch });
  progress?.(-1, 0);
  cache?.flush();

  const report = lintReport(io, root, result.diagnostics);
  if (report) io.stdout.write(report);
  if (!result.ok || !result.library) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr.write(`commonplace build: ${errors} lint error${errors === 1 ? '' : 's'}; nothing written to ${displayPath(io, outDir)}\n`);
    return 1;
  }

  // Outputs are rendered piece by piece as they are written; their hashes are taken on the way.
  const hashes = new Map<string, Hash>();
  const written = writeOutputs(outDir, result.outputs, (name, bytes) => {
    let hash = hashes.get(name);
    if (!hash) hashes.set(name, (hash = createHash('sha256')));
    hash.update(bytes);
  });
  const described = [...hashes].map(([name, hash]) => ({ name, sha256: hash.digest('hex') }));
  // Only a build with nothing to report may be skipped next time: a skipped
  // build prints no findings, so one that had warnings must run again.
  if (manifest && fingerprint && result.problems.length === 0 && result.diagnostics.every((d) => d.severity === 'info')) {
    writeManifest(manifest, { fingerprint, outputs: described });
  }
  // An output that could not be made (a PDF without Chromium) is an environment error, after the others are written.
  for (const problem of result.problems) io.stderr.write(`commonplace build: ${problem}\n`);
  for (const notice of result.notices) io.stdout.write(`Notice: ${notice}\n`);
  const { notes, concepts } = result.library;
  if (notes.length === 0) {
    io.stdout.write(`Notice: ${displayPath(io, root)} has no notes yet; wrote an empty handbook (add one with "commonplace new").\n`);
  }
  const links = notes.reduce((sum, n) => sum + n.links.length, 0);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  io.stdout.write(
    `Built ${plural(notes.length, 'note')}, ${plural(concepts.length, 'concept')}, ${plural(links, 'link')} → ` +
      `${plural(written.length, 'file')} in ${displayPath(io, outDir)} (${seconds.toFixed(1)} s)\n`,
  );
  return result.problems.length > 0 ? 2 : 0;
}

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
