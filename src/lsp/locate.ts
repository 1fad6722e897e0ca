/**
 * Which library a workspace folder belongs to, found as the CLI finds it:
 * `commonplace.config.json` in the folder (or, since an editor may open a
 * sub-folder such as the library itself, in the nearest folder above it
 * that has one), its `library` resolved against the config's folder; with
 * no config anywhere, the defaults in the workspace folder.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, ConfigError, loadConfig } from '../config.js';
import type { LibraryLocation } from './library.js';

/** The library for `folder`; `library` (a path, as `--library` takes) overrides the config's. */
export function locateLibrary(folder: string, library?: string): LibraryLocation {
  let dir = path.resolve(folder);
  while (!existsSync(path.join(dir, CONFIG_FILE))) {
    const up = path.dirname(dir);
    if (up === dir) {
      dir = path.resolve(folder);
      break;
    }
    dir = up;
  }
  const { config, configDir } = loadConfig(dir);
  const root = library !== undefined ? path.resolve(folder, library) : path.resolve(configDir, config.library);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new ConfigError(`library folder not found: ${root} (set "library" in ${path.join(configDir, CONFIG_FILE)}, or pass --library)`);
  return { root, config, configDir };
}
