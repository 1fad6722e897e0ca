/** Where a command's config and library are: shared by every command that reads the library. */
import path from 'node:path';
import { findProject, type Project } from '../project.js';
import type { CommandIO } from './io.js';

export type LibraryLocation = Project;

/**
 * Loads the config from the working directory and resolves the library
 * folder (see `findProject`): `--library` (relative to the working
 * directory) wins over the config's `library`. Throws ConfigError (exit 2)
 * when the folder does not exist.
 */
export function locateLibrary(io: CommandIO, libraryFlag: string | undefined): LibraryLocation {
  return findProject(io.cwd, libraryFlag);
}

/** A path as the user would type it: relative to the working directory, `/`-separated. */
export function displayPath(io: CommandIO, absolute: string): string {
  return path.relative(io.cwd, absolute).split(path.sep).join('/') || '.';
}
