/**
 * A Commonplace project as the commands and the API see it: the config read
 * from the project folder (or the defaults), and the library folder it
 * names. Shared by the CLI (`src/cli/library.ts`) and `src/api.ts`, so both
 * find the same files.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir, hashConfig, isUpToDate, manifestPath, openNoteCache, readManifest, stampedHasher, writeManifest, type PersistentNoteCache } from './cache/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { lintLibrary, type LintResult } from './pipeline.js';
import type { Concept, Diagnostic, Library, Note } from './types.js';
import { writeFileAtomic } from './util/fs-write.js';
import { compareCodePoints } from './util/sort.js';

export interface Project {
  config: Config;
  /** The folder holding commonplace.config.json (the project folder, also when there is none). */
  configDir: string;
  /** Absolute path of the library folder. */
  root: string;
}

/**
 * Loads the config from `cwd` and resolves the library folder: `library`
 * (relative to `cwd`) wins over the config's `library` (relative to the
 * config's folder). Throws ConfigError for a bad config or a missing folder.
 */
export function findProject(cwd: string, library: string | undefined): Project {
  const { config, configDir } = loadConfig(cwd);
  const root = library !== undefined ? path.resolve(cwd, library) : path.resolve(configDir, config.library);
  if (libraryKind(root) === 'missing') {
    throw new ConfigError(`library folder not found: ${shown(cwd, root)} (set --library or "library" in commonplace.config.json)`);
  }
  refuseFile(cwd, root);
  return { config, configDir, root };
}

function libraryKind(root: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(root).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** Throws ConfigError when the library path exists but is not a folder (a note file given as --library, say). */
export function refuseFile(cwd: string, root: string): void {
  if (libraryKind(root) === 'other') {
    throw new ConfigError(`the library ${shown(cwd, root)} is a file, not a folder; point --library (or "library" in commonplace.config.json) at the notes folder`);
  }
}

/** A path as the user would type it: relative to `cwd`, `/`-separated. */
const shown = (cwd: string, absolute: string): string => path.relative(cwd, absolute).split(path.sep).join('/') || '.';

/** The project's persistent cache (`node_modules/.cache/commonplace/` beside the config). */
export function openProjectCache(project: Project): PersistentNoteCache {
  return openNoteCache({ dir: defaultCacheDir(project.configDir), configHash: hashConfig(project.config) });
}

/**
 * One lint run over an opened project (the CLI keeps one cache open across
 * `--watch` runs): check, write the safe fixes if asked and check again.
 */
export async function lintProject(
  { root, config }: Pick<Project, 'root' | 'config'>,
  cache: PersistentNoteCache | undefined,
  { only, fix }: { only: string[] | undefined; fix: boolean },
): Promise<{ result: LintResult; fixedFiles: number }> {
  const run = () => lintLibrary({ root, config, incremental: cache, ...(only ? { files: only } : {}) });
  let result = await run();
  const fixedFiles = fix ? await applyFixes(root, config, result.diagnostics, result.concepts, result.notes) : 0;
  if (fixedFiles > 0) result = await run();
  cache?.flush();
  return { result, fixedFiles };
}

/** Writes the safe fixes for every note that has one; returns how many files changed. */
async function applyFixes(root: string, config: Config, diagnostics: readonly Diagnostic[], concepts: readonly Concept[], notes: readonly Note[]): Promise<number> {
  const { fixFile } = await import('./check/fix.js'); // it parses: loaded only for fixes
  const files = [...new Set(diagnostics.filter((d) => d.fix).map((d) => d.file))].sort(compareCodePoints);
  let changed = 0;
  for (const file of files) {
    const absolute = path.join(root, file);
    const bytes = readFileSync(absolute);
    const result = fixFile({ path: file, bytes }, config, concepts, notes);
    if (result.text === null || result.applied === 0) continue;
    const next = Buffer.from(result.text, 'utf8');
    if (next.equals(bytes)) continue;
    writeFileAtomic(absolute, next);
    changed++;
  }
  return changed;
}

/** What one build of a project did (see `buildProject`). */
export type BuildOutcome =
  /** Nothing changed since the last build: nothing written; `findings` are that build's, which still hold. */
  | { status: 'up-to-date'; findings: Diagnostic[] }
  /** Lint found errors: nothing written. */
  | { status: 'lint-errors'; findings: Diagnostic[] }
  /**
   * Every output written (`written`: absolute paths, sorted), but those
   * `problems` name (a PDF without Chromium); `notices` say what was left out on purpose (and removed if an earlier build wrote it).
   */
  | { status: 'built'; findings: Diagnostic[]; library: Library; written: string[]; problems: string[]; notices: string[] };

/**
 * One build, the same for the CLI and the API: skip it when the inputs match
 * the last build's (the manifest beside the cache), else lint, link, write
 * every output and record the inputs. Writes only under `outDir` and the cache;
 * prints nothing, so the caller owns the folders' locks and the report.
 */
export async function buildProject(
  { root, config, configDir }: Project,
  outDir: string,
  cache: PersistentNoteCache | undefined,
  options: { sourceDateEpoch: string | undefined; onProgress?: (done: number, total: number) => void },
): Promise<BuildOutcome> {
  const { fingerprintBuild } = await import('./cli/build-inputs.js');
  const epoch = options.sourceDateEpoch;
  const manifest = cache ? manifestPath(defaultCacheDir(configDir)) : undefined;
  const previous = manifest ? readManifest(manifest) : null;
  const hasher = stampedHasher(previous?.stamps);
  const fingerprint = manifest ? await fingerprintBuild(root, config, outDir, epoch, hasher) : null;
  // The same inputs give the same findings: a skipped build reports the last one's.
  if (manifest && previous && fingerprint && isUpToDate(previous, fingerprint, outDir, hasher)) {
    // Files whose stamps settled since: recorded, so the next check stats them instead of reading them.
    if (hasher.learned) writeManifest(manifest, { ...previous, stamps: hasher.stamps });
    return { status: 'up-to-date', findings: previous.findings };
  }

  // Loaded only now: an up-to-date build never renders, and these modules cost start-up time.
  const [{ writeOutputs }, { removeStale }, { SITE_DIR: SITE_FOLDER }, { buildLibrary }] = await Promise.all([
    import('./emit/index.js'),
    import('./emit/write.js'),
    import('./emit/site/index.js'),
    import('./pipeline.js'),
  ]);
  const result = await buildLibrary({ root, config, incremental: cache, onProgress: options.onProgress, sourceDateEpoch: epoch });
  cache?.flush();
  if (!result.ok || !result.library) return { status: 'lint-errors', findings: result.diagnostics };

  // Outputs are rendered piece by piece as they are written; their hashes are taken on the way.
  const hashes = new Map<string, Hash>();
  const written = writeOutputs(outDir, result.outputs, (name, bytes) => {
    let hash = hashes.get(name);
    if (!hash) hashes.set(name, (hash = createHash('sha256')));
    hash.update(bytes);
  });
  // What emit memoised while writing (map layout, contents, back matter, neighbourhoods): kept for the next build.
  cache?.flush();
  // The site holds exactly this build's pages: a deleted note's page goes too.
  if (written.some((file) => path.relative(outDir, file).startsWith(`${SITE_FOLDER}${path.sep}`))) removeStale(outDir, SITE_FOLDER, written);
  // A build with a problem is never recorded as done: the next one tries again.
  if (manifest && fingerprint && result.problems.length === 0) {
    const outputs = [...hashes].map(([name, hash]) => ({ name, sha256: hash.digest('hex') }));
    // Only the inputs' stamps: the outputs were written just now, and their stamps settle by the next check.
    writeManifest(manifest, { fingerprint, outputs, findings: result.diagnostics, stamps: hasher.stamps });
  }
  // An output left out on purpose is not left behind from an earlier build, where it would look current.
  for (const { file } of result.leftOut) rmSync(path.join(outDir, file), { force: true });
  const notices = result.leftOut.map((left) => left.why);
  return { status: 'built', findings: result.diagnostics, library: result.library, written: [...written].sort(compareCodePoints), problems: result.problems, notices };
}
