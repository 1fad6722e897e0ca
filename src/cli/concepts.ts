/**
 * `commonplace concepts [--suggest [--limit N] [--write | --accept P …]]
 * [--json] [--library DIR]`: the glossary's concepts with how often and where
 * they are mentioned; with `--suggest`, candidate concepts not in the
 * glossary yet (see `src/link/suggest.ts`), each with its notes and
 * sentences; `--write` walks them on a terminal and `--accept` takes one
 * from flags, both appending to concepts.yml (`concepts-accept.ts`).
 *
 * Glossary problems (concepts.yml) are printed to stderr as
 * `concepts.yml:LINE:COLUMN  severity  message  rule`; any error among them
 * makes the exit code 1 (the list still prints what could be read).
 * Exit 2 for a usage or config error, `--write` without a terminal or a
 * cancelled walk (Ctrl-C, Esc; as `new`).
 */
import { noteConcepts } from '../link/index.js';
import type { OpenLibrary } from '../link/open.js';
import { suggestions, type Suggestion } from '../link/suggest.js';
import type { Diagnostic } from '../types.js';
import { sortBy } from '../util/sort.js';
import { clip, walkSuggestions, writeAccepted } from './concepts-accept.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec } from './io.js';
import { openQueryLibrary, parseLimit, queryFlags } from './query.js';

/** The command line of `concepts`: flags, usage line, help and examples. */
export const spec = {
  name: 'concepts',
  usage: 'concepts [--suggest [--limit N] [--write | --accept PHRASE (--definition TEXT | --as-alias-of CONCEPT)]] [--json] [--library DIR]',
  description: `Lists the glossary's concepts (library/concepts.yml) with their mention counts
and the notes that mention or declare them, most mentioned first.
concepts.yml keeps its comments, order and formatting when --write or --accept
append to it; it is written atomically and only when the result is a clean glossary.`,
  flags: {
    suggest: {
      type: 'boolean',
      help: `instead, suggest new concepts: multi-word noun phrases used in two
or more notes and not in the glossary (nor note titles) yet, ranked
by termhood (C-value/NC-value over notes, word specificity and the
notes' own key phrases); clause fragments, citation residue,
evaluative or quantity phrases and truncated terms are left out.
A variant of a concept is offered as its alias; proper names are
listed apart. Each comes with its notes and one or two sentences.`,
    },
    limit: { type: 'string', value: 'N', help: 'how many suggestions, and how many names (default 20; with --suggest only)' },
    write: { type: 'boolean', help: 'walk the suggestions on a terminal (accept, accept as an alias, skip, stop)\nand append the accepted ones to concepts.yml' },
    accept: { type: 'string', value: 'PHRASE', help: 'append PHRASE to concepts.yml without a terminal: as a new concept\nwith --definition TEXT, or as an alias with --as-alias-of CONCEPT' },
    definition: { type: 'string', value: 'TEXT', help: 'the definition of the concept --accept adds' },
    'as-alias-of': { type: 'string', value: 'CONCEPT', help: 'add the --accept phrase as an alias of CONCEPT' },
    ...queryFlags,
  },
  examples: [
    'commonplace concepts',
    'commonplace concepts --suggest --limit 5',
    'commonplace concepts --suggest --accept "feature team" --definition "A team judged by output."',
    'commonplace concepts --json',
  ],
  notes: 'Exit codes: 0 listed, 1 the glossary has errors (printed on stderr) or an accepted phrase is refused, 2 usage or config error, --write without a terminal, or a cancelled walk.',
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
  const writing = values.write === true || values.accept !== undefined;
  const withSuggest = { limit: ' (how many suggestions to show)', write: '', accept: '' } as const;
  for (const [flag, why] of Object.entries(withSuggest) as [keyof typeof withSuggest, string][]) {
    if (values[flag] !== undefined && values[flag] !== false && !values.suggest) throw new UsageError(`--${flag} goes with --suggest${why}`);
  }
  if ((values['as-alias-of'] !== undefined || values.definition !== undefined) && values.accept === undefined)
    throw new UsageError('--as-alias-of and --definition go with --accept');
  if (values.write && values.accept !== undefined) throw new UsageError('--write and --accept do not go together');
  if (writing && values.json) throw new UsageError('--json does not go with --write or --accept');
  if (values.accept !== undefined && (values['as-alias-of'] === undefined) === (values.definition === undefined))
    throw new UsageError('--accept needs either --definition TEXT (a new concept) or --as-alias-of CONCEPT');
  if (values.write && !(io.stdin.isTTY && io.stdout.isTTY))
    throw new UsageError(
      '--write needs a terminal to ask in; without one, run commonplace concepts --suggest --accept "PHRASE" --definition "One sentence." ' +
        'or commonplace concepts --suggest --accept "PHRASE" --as-alias-of "CONCEPT"',
    );
  const limit = parseLimit(values.limit, 20);
  const library = await openQueryLibrary(io, values.library);
  for (const d of library.glossaryDiagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  const status = library.glossaryDiagnostics.some((d) => d.severity === 'error') ? 1 : 0;

  if (values.accept !== undefined) {
    const phrase = values.accept.trim();
    const item = values['as-alias-of'] !== undefined ? { phrase, aliasOf: values['as-alias-of'] } : { phrase, definition: values.definition ?? '' };
    return writeAccepted(library, [item], io);
  }
  if (values.suggest) {
    const found = suggestions(library, limit);
    if (values.write) return walk(found.suggestions, library, io);
    io.stdout.write(values.json ? `${JSON.stringify([...found.suggestions, ...found.names], null, 2)}\n` : formatSuggestions(found));
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

/** `--write`: the terminal walk, then one write of what was accepted. */
async function walk(found: Suggestion[], library: OpenLibrary, io: CommandIO): Promise<number> {
  if (library.glossaryDiagnostics.some((d) => d.severity === 'error')) {
    io.stderr.write('commonplace concepts: fix the errors in concepts.yml above first; nothing written\n');
    return 1;
  }
  if (found.length === 0) {
    io.stdout.write('No suggestions to walk.\n');
    return 0;
  }
  const accepted = await walkSuggestions(found, library, io);
  if (accepted === null) {
    io.stderr.write('commonplace concepts: cancelled; nothing written\n');
    return 2;
  }
  if (accepted.length === 0) {
    io.stdout.write('Nothing accepted; concepts.yml unchanged.\n');
    return 0;
  }
  return writeAccepted(library, accepted, io);
}

/** How an alias suggestion relates to its concept, in words. */
const RELATIONS: Record<NonNullable<Suggestion['relation']>, string> = {
  inflection: 'another inflection',
  longer: 'longer form',
  shorter: 'shorter form',
  'same-modifier': 'same modifier, another head',
};

/** Notes named per suggestion in the text output (`--json` lists them all). */
const NOTES_SHOWN = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatSuggestions(found: { suggestions: Suggestion[]; names: Suggestion[] }): string {
  if (found.suggestions.length === 0 && found.names.length === 0) return 'No suggestions: no multi-word term outside the glossary recurs in two or more notes.\n';
  const lines = ['Candidate concepts not in the glossary yet, best first (score: termhood; see --help):', ''];
  const entry = (s: Suggestion, label: string) => {
    lines.push(`${label}${s.phrase}${s.aliasOf ? `  → alias of "${s.aliasOf}" (${RELATIONS[s.relation!]})` : ''}  score ${s.score.toFixed(4)}`);
    const more = s.notes.length > NOTES_SHOWN ? `, … and ${s.notes.length - NOTES_SHOWN} more` : '';
    lines.push(`     in ${plural(s.notes.length, 'note')}: ${s.notes.slice(0, NOTES_SHOWN).join(', ')}${more}`);
    for (const e of s.evidence) lines.push(`     “${clip(e.sentence, s.phrase)}” (${e.note})`);
  };
  found.suggestions.forEach((s, i) => entry(s, `${String(i + 1).padStart(3)}. `));
  if (found.names.length > 0) {
    lines.push('', 'Proper names (people, organisations, places, products), not suggested as concepts:', '');
    for (const s of found.names) entry(s, '   - ');
  }
  lines.push('', 'Accept: commonplace concepts --suggest --write (on a terminal), or --accept "PHRASE" with --definition TEXT or --as-alias-of CONCEPT.');
  return `${lines.join('\n')}\n`;
}
