/**
 * `commonplace search QUERY [--limit N] [--json] [--library DIR]`: notes
 * ranked by BM25 over stemmed, stop-word-free text (title, summary and
 * sections), each with a snippet around the densest run of query words.
 *
 * Highlighting: on a terminal (stdout is a TTY and NO_COLOR is unset) matched
 * words are bold (ANSI SGR 1/22); otherwise, for pipes and files, they are
 * wrapped in square brackets, `[word]`, so the output stays plain text.
 * `--json` gives the snippet text and the highlight offsets instead.
 * Exit 0 (also when nothing matches), 2 for a usage or config error.
 */
import { rankingText } from '../link/related.js';
import { createRanker } from '../link/text/ranker.js';
import { scanWikilinks } from '../read/wikilinks.js';
import { defineCommand, type CommandIO, type CommandSpec } from './io.js';
import { openQueryLibrary, parseLimit, queryFlags, queryText } from './query.js';

/** The command line of `search`: flags, usage line, help and examples. */
export const spec = {
  name: 'search',
  usage: 'search QUERY [--limit N] [--json] [--library DIR]',
  description: `Ranks notes by BM25 over their stemmed text (title, summary, sections) and
prints each with a snippet; matched words are bold on a terminal and
[bracketed] otherwise.`,
  positionals: 'QUERY',
  flags: {
    limit: { type: 'string', value: 'N', help: 'how many results (default 10)' },
    ...queryFlags,
    json: { type: 'boolean', help: 'print JSON: [{ id, path, title, score, snippet: { text, highlights } }]' },
  },
  examples: ['commonplace search "single-threaded leader"', 'commonplace search ownership --limit 3 --json'],
  notes: 'Exit codes: 0 (also when nothing matches), 2 usage or config error.',
} as const satisfies CommandSpec;

const DEFAULT_LIMIT = 10;

/**
 * Marks each `[start, end)` of `text`: bold for a terminal, `[…]` otherwise.
 * Matches separated only by spaces or hyphens are marked as one run, so a
 * phrase reads `[single-threaded leader]`, not `[single]-[threaded] [leader]`.
 */
export function highlight(text: string, highlights: readonly (readonly [number, number])[], style: 'ansi' | 'brackets'): string {
  const [open, close] = style === 'ansi' ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  const runs: [number, number][] = [];
  for (const [start, end] of highlights) {
    const last = runs[runs.length - 1];
    if (last && start >= last[1] && /^[\s\-\u2010\u2011]*$/u.test(text.slice(last[1], start))) last[1] = end;
    else runs.push([start, end]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of runs) {
    if (start < at) continue;
    out += text.slice(at, start) + open + text.slice(start, end) + close;
    at = end;
  }
  return out + text.slice(at);
}

const useAnsi = (io: CommandIO): boolean => io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '';

export const run = defineCommand(spec, async ({ values, positionals }, io) => {
  const query = queryText(positionals, 'QUERY: the words to search for');
  const limit = parseLimit(values.limit, DEFAULT_LIMIT);
  const library = await openQueryLibrary(io, values.library);
  const byId = new Map(library.notes.map((n) => [n.id as string, n]));
  // The bag is the read stage's analysis of the same text (see NoteBody.termBag); the text is for snippets.
  const ranker = createRanker(library.notes.map((n) => ({ id: n.id, text: linkText(rankingText(n)), bag: library.bodies.get(n, ['termBag']).termBag })));
  const hits = ranker.search(query, limit).map((hit) => ({ hit, note: byId.get(hit.id)! }));

  if (values.json) {
    const output = hits.map(({ hit, note }) => ({ id: note.id, path: note.path, title: note.meta.title ?? null, score: hit.score, snippet: hit.snippet }));
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout.write(`No notes match "${query}".\n`);
    return 0;
  }
  const style = useAnsi(io) ? 'ansi' : 'brackets';
  const lines: string[] = [];
  hits.forEach(({ hit, note }, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${note.meta.title ?? note.id} (${note.path})  score ${hit.score.toFixed(4)}`);
    lines.push(`     ${highlight(hit.snippet.text, hit.snippet.highlights, style)}`, '');
  });
  io.stdout.write(lines.join('\n'));
  return 0;
});

/**
 * Text as a reader sees it: each `[[Target|label]]` becomes its label and
 * `[[Target#Heading]]` its target, so a snippet never shows link syntax
 * (the section text keeps wikilinks as written; Markdown links are already text).
 */
export function linkText(text: string): string {
  const links = scanWikilinks(text);
  if (links.length === 0) return text;
  let out = '';
  let at = 0;
  for (const link of links) {
    out += text.slice(at, link.start) + (link.label ?? link.target);
    at = link.end;
  }
  return out + text.slice(at);
}
