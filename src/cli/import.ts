/**
 * `commonplace import FILE… [--library DIR] [--dry-run] [--tags…] [--builds-on NOTE…]`: plain-text notes in
 * the seed's shape become canonical Markdown notes in the library. Each file
 * stands alone: a refused file writes nothing and the others still import;
 * the exit code is 1 when any file was refused.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { convertPlainText } from '../import/convert.js';
import { LibraryIndex } from '../scaffold/create.js';
import { splitList } from '../scaffold/fields.js';
import { defineCommand, UsageError, type CommandSpec } from './io.js';
import { locateLibrary, refuseFileAsLibrary } from './library.js';
import { RELATION_FLAGS, relationFlags } from './relation-flags.js';

/** The command line of `import`: flags, usage line, help and examples. */
export const spec = {
  name: 'import',
  usage: 'import FILE… [options]',
  description: `Converts plain-text notes (first line "Library · essay", then the title, the
author, "2020 · Venue", "Source: https://…", summary paragraphs, and section
lines such as "Central argument") into Markdown notes in the library.
Never overwrites: a file whose slug, title or source is already in the library
is refused.`,
  positionals: 'FILE',
  flags: {
    library: { type: 'string', value: 'DIR', help: 'library folder (default: "library" from commonplace.config.json)' },
    'dry-run': { type: 'boolean', help: 'print what would be written; write nothing' },
    tags: { type: 'string', value: 'a,b', help: 'tags for every imported note (the plain-text shape has none)' },
    concepts: { type: 'string', value: 'a,b', help: 'glossary concepts for every imported note' },
    ...RELATION_FLAGS,
  },
  examples: ['commonplace import notes/*.txt --dry-run', 'commonplace import seed.txt --tags org-design'],
  notes: 'The relation flags (as in `new`) name existing notes and apply to every imported note.\nExit codes: 0 all imported, 1 some file refused, 2 usage error.',
} as const satisfies CommandSpec;

/** Runs `commonplace import`; see the usage text above for flags and exit codes. */
export const run = defineCommand(spec, async ({ values, positionals: files }, io) => {
  if (files.length === 0) throw new UsageError('no FILE given: name the plain-text files to import');

  const { config, configDir } = loadConfig(io.cwd);
  // A --library folder must exist (a typo must not grow a second library); the configured one is created on first use.
  const libraryDir = values.library !== undefined ? locateLibrary(io, values.library).root : path.resolve(configDir, config.library);
  refuseFileAsLibrary(io, libraryDir);
  const index = await LibraryIndex.load(libraryDir, config, 'import');
  const dryRun = values['dry-run'] === true;
  const extras = {
    ...(values.tags !== undefined ? { tags: splitList(values.tags) } : {}),
    ...(values.concepts !== undefined ? { concepts: splitList(values.concepts) } : {}),
    relations: relationFlags(values, index),
  };
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  let refused = 0;

  for (const input of files) {
    const bytes = readInput(path.resolve(io.cwd, input), config.maxFileBytes);
    const outcome = 'problem' in bytes ? null : convertPlainText(bytes.data, config, index, dryRun, extras);
    if (outcome === null || outcome.status === 'refused') {
      refused++;
      const reasons = outcome === null ? [(bytes as { problem: string }).problem] : outcome.reasons;
      io.stderr.write(`commonplace import: ${input}: refused, nothing written:\n${reasons.map((r) => `  - ${r}\n`).join('')}`);
    } else if (dryRun) {
      io.stdout.write(`${input} → ${shown(outcome.file)} (dry run, not written)\n${outcome.content}\n`);
    } else {
      io.stdout.write(`${input} → ${shown(outcome.file)}\n`);
    }
  }
  return refused > 0 ? 1 : 0;
});

function readInput(file: string, maxBytes: number): { data: Uint8Array } | { problem: string } {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { problem: 'not a regular file' };
    if (stat.size > maxBytes) return { problem: `larger than ${maxBytes} bytes (maxFileBytes); split it or raise the limit` };
    return { data: readFileSync(file) };
  } catch (error) {
    return { problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
