/** Where a command's config and library are: shared by every command that reads the library. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { CommandIO } from './io.js';

export interface LibraryLocation {
  config: Config;
  /** The folder holding commonplace.config.json (or the working directory when there is none). */
  configDir: string;
  /** Absolute path of the library folder. */
  root: string;
}

/**
 * Loads the config from the working directory and resolves the library
 * folder: `--library` (relative to the working directory) wins over the
 * config's `library` (relative to the config's folder). Throws ConfigError
 * (exit 2) when the folder does not exist.
 */
export function locateLibrary(io: CommandIO, libraryFlag: string | undefined): LibraryLocation {
  const { config, configDir } = loadConfig(io.cwd);
  const root = libraryFlag !== undefined ? path.resolve(io.cwd, libraryFlag) : path.resolve(configDir, config.library);
  if (libraryKind(root) === 'missing') {
    throw new ConfigError(`library folder not found: ${displayPath(io, root)} (set --library or "library" in commonplace.config.json)`);
  }
  refuseFileAsLibrary(io, root);
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
export function refuseFileAsLibrary(io: CommandIO, root: string): void {
  if (libraryKind(root) === 'other') {
    throw new ConfigError(`the library ${displayPath(io, root)} is a file, not a folder; point --library (or "library" in commonplace.config.json) at the notes folder`);
  }
}

/** A path as the user would type it: relative to the working directory, `/`-separated. */
export function displayPath(io: CommandIO, absolute: string): string {
  return path.relative(io.cwd, absolute).split(path.sep).join('/') || '.';
}
