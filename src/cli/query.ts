/**
 * What the query commands (`concepts`, `related`, `search`) share: their
 * flags, `--limit` checking, and opening the library with the parse cache.
 */
import { parseArgs } from 'node:util';
import { defaultCacheDir, hashConfig, openNoteCache } from '../cache/index.js';
import { openLibrary, type OpenLibrary } from '../link/open.js';
import { UsageError, type CommandIO } from './io.js';
import { locateLibrary } from './library.js';

/** `--limit N --json --library DIR --help` (plus `--suggest`, `--write`, `--accept P`, `--as-alias-of C`, `--definition D` where `suggest` is set), errors as usage errors. */
export function parseQueryArgs(argv: string[], usage: string, { positionals = true, suggest = false } = {}) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: positionals,
      options: {
        ...(suggest
          ? {
              suggest: { type: 'boolean' as const, default: false },
              write: { type: 'boolean' as const, default: false },
              accept: { type: 'string' as const },
              'as-alias-of': { type: 'string' as const },
              definition: { type: 'string' as const },
            }
          : {}),
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        library: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** `--limit`: a positive integer, or `fallback` when absent. */
export function parseLimit(value: string | undefined, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/u.test(value) || Number(value) < 1) throw new UsageError(`--limit expects a positive integer, got "${value}"\n\n${usage}`);
  return Number(value);
}

/** The positional words as one query (`name` is what the usage calls it); a usage error when there are none. */
export function queryText(positionals: readonly string[], name: string, usage: string): string {
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError(`missing ${name}\n\n${usage}`);
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
