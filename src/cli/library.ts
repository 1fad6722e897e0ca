/** Where a command's config and library are: shared by every command that reads the library. */
import path from 'node:path';
import { findProject, refuseFile, type Project } from '../project.js';
import type { CommandIO } from './io.js';

export type LibraryLocation = Project;

/**
 * Loads the config from the working directory and resolves the library
 * folder: `--library` (relative to the working directory) wins over the
 * config's `library` (relative to the config's folder). Throws ConfigError
 * (exit 2) when the folder does not exist (see `findProject`).
 */
export function locateLibrary(io: CommandIO, libraryFlag: string | undefined): LibraryLocation {
  return findProject(io.cwd, libraryFlag);
}

/** Throws ConfigError when the library path exists but is not a folder (a note file given as --library, say). */
export function refuseFileAsLibrary(io: CommandIO, root: string): void {
  refuseFile(io.cwd, root);
}

/** A path as the user would type it: relative to the working directory, `/`-separated. */
export function displayPath(io: CommandIO, absolute: string): string {
  return path.relative(io.cwd, absolute).split(path.sep).join('/') || '.';
}
