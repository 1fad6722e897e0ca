/**
 * The fingerprint of everything a build's outputs depend on, for the
 * "nothing changed" short cut (`src/cache/build-manifest.ts`): the tool
 * version, the config, every note's and the glossary's bytes, the page-shell
 * templates, the output folder and SOURCE_DATE_EPOCH. Costs one stat per
 * file, and one read and hash for a file whose stamp the last manifest did
 * not record: no parsing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildFingerprint, type StampedHasher } from '../cache/build-manifest.js';
import { hashConfig } from '../cache/index.js';
import { selectOutputs, type Config } from '../config.js';
import { TEMPLATES_DIR } from '../emit/html-shell.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import { discover } from '../read/discover.js';
import { version } from '../version.js';

/**
 * The fingerprint, or null when discovery found anything to report (a
 * symlink, a misnamed file): such a build prints warnings, so it must run.
 * Files are hashed by `hasher` (its stamps go into the next manifest).
 */
export async function fingerprintBuild(root: string, config: Config, outDir: string, sourceDateEpoch: string | undefined, hasher: StampedHasher): Promise<string | null> {
  const found = await discover(root, config);
  if (found.diagnostics.length > 0) return null;
  const files = [...found.files, GLOSSARY_FILE].map((file) => ({ path: file, sha256: hasher.hash(path.join(root, file)) }));
  const templates = readdirSync(TEMPLATES_DIR).sort().map((name) => `${name}:${hasher.hash(path.join(TEMPLATES_DIR, name))}`);
  return buildFingerprint({
    version,
    configHash: hashConfig(config),
    files,
    extra: [`out:${outDir}`, `outputs:${[...selectOutputs(config.outputs, 'outputs')].sort().join(',')}`, `epoch:${sourceDateEpoch ?? ''}`, ...templates],
  });
}
