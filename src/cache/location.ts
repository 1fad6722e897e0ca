/**
 * Where the cache folder is: the nearest project's
 * `node_modules/.cache/commonplace` (the convention of Babel, ESLint, Vite…),
 * found by walking up from the project folder to a `package.json`; outside
 * any project, the user's cache folder as env-paths defines it
 * (`$XDG_CACHE_HOME/commonplace` or `~/.cache/commonplace` on Linux,
 * `~/Library/Caches/commonplace` on macOS, `%LOCALAPPDATA%\commonplace\Cache`
 * on Windows), so a run never leaves a `node_modules` folder where it stood.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The cache folder for a project whose config (or working) folder is `projectDir`. */
export function defaultCacheDir(projectDir: string): string {
  for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'commonplace');
    if (path.dirname(dir) === dir) break;
  }
  return envPaths('commonplace', { suffix: '' }).cache;
}
