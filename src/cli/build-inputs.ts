/**
 * The fingerprint of everything a build's outputs depend on, for the
 * "nothing changed" short cut (`src/cache/build-manifest.ts`): the tool
 * version, the config, every note's and the glossary's bytes, the page-shell
 * templates, the output folder and SOURCE_DATE_EPOCH. Costs one read and one
 * hash per file: no parsing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFingerprint } from '../cache/build-manifest.js';
import { hashConfig } from '../cache/index.js';
import { selectOutputs, type Config } from '../config.js';
import { TEMPLATES_DIR } from '../emit/html-shell.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import { discover } from '../read/discover.js';
import { version } from '../version.js';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** sha256 of a file's bytes, or a marker when it cannot be read (which then never matches a real hash). */
function hashFile(file: string): string {
  try {
    return sha256(readFileSync(file));
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/**
 * The fingerprint, or null when discovery found anything to report (a
 * symlink, a misnamed file): such a build prints warnings, so it must run.
 */
export async function fingerprintBuild(root: string, config: Config, outDir: string, sourceDateEpoch: string | undefined): Promise<string | null> {
  const found = await discover(root, config);
  if (found.diagnostics.length > 0) return null;
  const files = [...found.files, GLOSSARY_FILE].map((file) => ({ path: file, sha256: hashFile(path.join(root, file)) }));
  const templates = readdirSync(TEMPLATES_DIR).sort().map((name) => `${name}:${hashFile(path.join(TEMPLATES_DIR, name))}`);
  return buildFingerprint({
    version,
    configHash: hashConfig(config),
    files,
    extra: [`out:${outDir}`, `outputs:${[...selectOutputs(config.outputs, 'outputs')].sort().join(',')}`, `epoch:${sourceDateEpoch ?? ''}`, ...templates],
  });
}
