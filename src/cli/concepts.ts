/**
 * `commonplace concepts [--suggest] [--json] [--library DIR]`: the glossary's
 * concepts with how often and where they are mentioned; with `--suggest`,
 * candidate concepts not in the glossary yet (see `suggestions` below).
 *
 * Glossary problems (concepts.yml) are printed to stderr as
 * `concepts.yml:LINE:COLUMN  severity  message  rule`; any error among them
 * makes the exit code 1 (the list still prints what could be read).
 * Exit 2 for a usage or config error.
 */
import { noteConcepts } from '../link/index.js';
import type { OpenLibrary } from '../link/open.js';
import { suggestions, type Suggestion } from '../link/suggest.js';
import type { Diagnostic } from '../types.js';
import { sortBy } from '../util/sort.js';
import { defineCommand, UsageError, type CommandSpec } from './io.js';
import { openQueryLibrary, parseLimit, queryFlags } from './query.js';

/** The command line of `concepts`: flags, usage line, help and examples. */
export const spec = {
  name: 'concepts',
  usage: 'concepts [--suggest [--limit N]] [--json] [--library DIR]',
  description: `Lists the glossary's concepts (library/concepts.yml) with their mention counts
and the notes that mention or declare them, most mentioned first.`,
  flags: {
    suggest: {
      type: 'boolean',
      help: `instead, suggest new concepts: multi-word noun phrases that recur
in two or more notes and are not in the glossary (nor note
titles) yet, best first, each with its score and notes.
score = (notes using it) × (mean over its words of
ln((N + 1) / notes using the word)) × log2(1 + words),
N = number of notes`,
    },
    limit: { type: 'string', value: 'N', help: 'how many suggestions (default 20; with --suggest only)' },
    ...queryFlags,
  },
  examples: ['commonplace concepts', 'commonplace concepts --suggest --limit 5', 'commonplace concepts --json'],
  notes: 'Exit codes: 0 listed, 1 the glossary has errors (printed on stderr), 2 usage or config error.',
} as const satisfies CommandSpec;

/** One glossary concept with where it is used. */
interface ConceptUse {
  id: string;
  name: string;
  aliases: string[];
  definition: string;
  see: string[];
  mentionCount: number;
  notes: string[];
}

/** Every glossary concept with its mention count (linked or not) and the notes that mention or declare it, sorted by id. */
export function conceptUses(library: OpenLibrary): ConceptUse[] {
  const perNote = noteConcepts(library.notes, library.concepts, library.mentions);
  const uses = new Map(
    library.concepts.map((c) => [c.id as string, { id: c.id, name: c.name, aliases: c.aliases, definition: c.definition, see: c.see, mentionCount: 0, notes: [] as string[] }]),
  );
  for (const [noteId, counts] of perNote) {
    for (const [conceptId, count] of counts) {
      const use = uses.get(conceptId)!;
      use.mentionCount += count;
      use.notes.push(noteId);
    }
  }
  return sortBy([...uses.values()], (u) => u.id).map((u) => ({ ...u, notes: u.notes.sort() }));
}

const formatDiagnostic = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`;

export const run = defineCommand(spec, async ({ values }, io) => {
  if (values.limit !== undefined && !values.suggest) throw new UsageError('--limit goes with --suggest (how many suggestions to show)');
  const limit = parseLimit(values.limit, 20);
  const library = await openQueryLibrary(io, values.library);
  for (const d of library.glossaryDiagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const status = library.glossaryDiagnostics.some((d) => d.severity === 'error') ? 1 : 0;

  if (values.suggest) {
    const found = suggestions(library, limit);
    io.stdout.write(values.json ? `${JSON.stringify(found, null, 2)}\n` : formatSuggestions(found));
    return status;
  }
  const uses = conceptUses(library);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(uses, null, 2)}\n`);
    return status;
  }
  if (uses.length === 0) {
    io.stdout.write('No concepts: the glossary (concepts.yml in the library) is missing or empty. Try "commonplace concepts --suggest".\n');
    return status;
  }
  const lines: string[] = [];
  for (const use of sortBy(uses, (u) => -u.mentionCount, (u) => u.id)) {
    const where = use.notes.length === 0 ? 'in no note' : `in ${use.notes.length} note${use.notes.length === 1 ? '' : 's'}: ${use.notes.join(', ')}`;
    lines.push(`${use.name} (${use.id})`, `  ${use.mentionCount} mention${use.mentionCount === 1 ? '' : 's'} ${where}`);
    if (use.aliases.length > 0) lines.push(`  aliases: ${use.aliases.join(', ')}`);
    lines.push('');
  }
  io.stdout.write(lines.join('\n'));
  return status;
});

function formatSuggestions(found: Suggestion[]): string {
  if (found.length === 0) return 'No suggestions: no multi-word phrase outside the glossary recurs in two or more notes.\n';
  const lines = ['Candidate concepts not in the glossary yet (score: notes using it × word specificity; see --help):', ''];
  found.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${s.phrase}  score ${s.score.toFixed(4)}`, `     in ${s.notes.length} notes: ${s.notes.join(', ')}`);
  });
  return `${lines.join('\n')}\n`;
}
