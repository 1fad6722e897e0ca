/**
 * Where the cache folder is: the nearest project's
 * `node_modules/.cache/commonplace` (the convention of Babel, ESLint, Vite…),
 * found by walking up from the project folder to a `package.json`; outside
 * any project, the user's cache folder as env-paths defines it
 * (`$XDG_CACHE_HOME/commonplace` or `~/.cache/commonplace` on Linux,
 * `~/Library/Caches/commonplace` on macOS, `%LOCALAPPDATA%\commonplace\Cache`
 * on Windows), in a sub-folder per project folder (a hash of its path), so
 * two libraries never share one snapshot; a run never leaves a
 * `node_modules` folder where it stood.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The cache folder for a project whose config (or working) folder is `projectDir`. */
export function defaultCacheDir(projectDir: string): string {
  const project = path.resolve(projectDir);
  for (let dir = project; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'commonplace');
    if (path.dirname(dir) === dir) break;
  }
  return path.join(envPaths('commonplace', { suffix: '' }).cache, createHash('sha256').update(project).digest('hex').slice(0, 16));
}
