/**
 * What the query commands (`concepts`, `related`, `search`) share: their
 * flags, `--limit` checking, and opening the library with the parse cache.
 */
import { defaultCacheDir, hashConfig, openNoteCache } from '../cache/index.js';
import { openLibrary, type OpenLibrary } from '../link/open.js';
import { UsageError, type CommandIO, type FlagSpec } from './io.js';
import { locateLibrary } from './library.js';

/** The flags every query command takes; each command words `--limit` for itself. */
export const queryFlags = {
  json: { type: 'boolean', help: 'print JSON instead of text' },
  library: { type: 'string', value: 'DIR', help: 'the library folder (default: "library" from commonplace.config.json)' },
} as const satisfies Record<string, FlagSpec>;

/** `--limit`: a positive integer, or `fallback` when absent. */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--limit expects a positive integer, got "${value}"`);
  return Number(value);
}

/** The positional words as one query (`name` is what the usage calls it); a usage error when there are none. */
export function queryText(positionals: readonly string[], name: string): string {
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError(`missing ${name}`);
  return query;
}

/** Locates the library (`--library` or the config), reads it through the parse cache, finds mentions. */
export async function openQueryLibrary(io: CommandIO, libraryFlag: string | undefined): Promise<OpenLibrary> {
  const { root, config, configDir } = locateLibrary(io, libraryFlag);
  const cache = openNoteCache({ dir: defaultCacheDir(configDir), configHash: hashConfig(config) });
  const library = await openLibrary(root, config, cache);
  cache.flush();
  return library;
}
