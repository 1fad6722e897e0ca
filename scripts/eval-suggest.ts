/**
 * Evaluation of `concepts --suggest` (issue 19's table):
 *
 * - bundled library with its glossary removed (concepts.yml deleted,
 *   `concepts:` lines dropped, concept links unlinked, in a temporary copy):
 *   how many of the 20 curated concepts a top-20 suggestion rediscovers (same
 *   normalised words or Porter key as the concept's name or an alias);
 * - Inspec as notes: each record of 60+ words (title + abstract) is a note
 *   whose title is the record's title and whose prose is the abstract; the
 *   share of the top 20 / top 50 suggestions whose Porter key is a gold
 *   (`uncontr`) key phrase of some record of the split;
 * - junk: top-50 suggestions that a rule of `term-rules.ts` flags (clause
 *   fragment, citation residue, evaluative/quantity, fragment word, or a
 *   truncated piece of a longer suggestion shown in the same top 50).
 *
 *   npx tsx scripts/eval-suggest.ts            # train, dev and the bundled library (tuning)
 *   npx tsx scripts/eval-suggest.ts --test     # the test split too (report once)
 *   TUNING='{"idfExponent":1}' npx tsx scripts/eval-suggest.ts   # try other termhood knobs
 *   … --verbose                                # every suggestion, + for a gold phrase
 *   … --time DIR                               # CPU of suggestions() on library DIR against the parse floor
 *
 * The time row compares the CPU of `suggestions()` on an opened library (the
 * work `--suggest` adds to `concepts`) with the parse floor of
 * scripts/bench/floor.mjs (read + remark parse of every .md file), both
 * in this process, one after the other.
 *
 * The benchmark folder is COMMONPLACE_BENCHMARKS, else ../shared/benchmarks
 * beside the repository.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig } from '../src/config.js';
import { openLibrary } from '../src/link/open.js';
import { phraseKey } from '../src/link/phrase.js';
import { suggestions } from '../src/link/suggest.js';
import { collectTermCandidates, type TermCandidate } from '../src/link/text/term-candidates.js';
import { hasFragmentWord, isCitationResidue, isClauseFragment, isEvaluative, isTruncated } from '../src/link/text/term-rules.js';
import { DEFAULT_TERMHOOD, type TermhoodTuning } from '../src/link/text/termhood.js';
import { porterKey } from '../src/link/text/tagger.js';
import { shortestContaining, suggestConcepts, type ConceptSuggestion, type SuggestOptions } from '../src/link/text/suggest.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the public benchmarks are: COMMONPLACE_BENCHMARKS, else ../shared/benchmarks beside the repository. */
export const BENCHMARKS = process.env.COMMONPLACE_BENCHMARKS ?? path.resolve(REPO, '..', 'shared', 'benchmarks');

interface InspecDoc {
  id: string;
  title: string;
  abstract: string;
  uncontr: string[];
}

const porterPhrase = (phrase: string) => phrase.split(/\s+/u).map(porterKey).filter((k) => k !== '').join(' ');
const wordCount = (text: string) => text.split(/\s+/u).filter((w) => w !== '').length;

/** The records of one Inspec split with 60+ words of title + abstract (issue 19's "notes"). */
export function readInspecNotes(split: 'train' | 'dev' | 'test'): InspecDoc[] {
  const file = path.join(BENCHMARKS, 'inspec', `inspec.${split}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as InspecDoc)
    .filter((doc) => wordCount(`${doc.title} ${doc.abstract}`) >= 60);
}

/** Top-k junk by the rules: each suggestion's own rules, and truncation against the other shown suggestions. */
export function junkOf(top: readonly ConceptSuggestion[], docs: readonly { id: string; text: string }[]): string[] {
  const { candidates } = collectTermCandidates(docs);
  const keys = top.map((s) => porterPhrase(s.phrase));
  return top.filter((s, i) => {
    const words = s.phrase.split(' ');
    const candidate = candidates.get(keys[i]!);
    if (isCitationResidue(words) || isEvaluative(words) || hasFragmentWord(words)) return true;
    if (candidate && isClauseFragment(candidate)) return true;
    // truncated: inside longer shown suggestions that account for nearly all its occurrences
    const longer = top.filter((_, j) => j !== i && ` ${keys[j]} `.includes(` ${keys[i]} `)).map((q) => candidates.get(porterPhrase(q.phrase)));
    const known = longer.filter((q): q is TermCandidate => q !== undefined);
    return candidate !== undefined && isTruncated(candidate, shortestContaining(known), 2);
  }).map((s) => s.phrase);
}

/** Precision at 20 and 50 against the split's gold phrases, and the junk of the top 50. */
export function evaluateInspec(split: 'train' | 'dev' | 'test', options: SuggestOptions = {}) {
  const records = readInspecNotes(split);
  const gold = new Set(records.flatMap((r) => r.uncontr.map(porterPhrase)));
  const docs = records.map((r) => ({ id: r.id, title: r.title, text: r.abstract }));
  const started = performance.now();
  const found = suggestConcepts(docs, { concepts: [], titles: records.map((r) => r.title) }, { ...options, limit: 50 }).suggestions;
  const ms = Math.round(performance.now() - started);
  const hits = found.map((s) => gold.has(porterPhrase(s.phrase)));
  const precision = (k: number) => Math.round((100 * hits.slice(0, k).filter(Boolean).length) / k) / 100;
  return { split, notes: records.length, p20: precision(20), p50: precision(50), junk: junkOf(found, docs), found, hits, ms };
}

/** The bundled library with its glossary removed, in a temporary copy: the curated concepts rediscovered in the top 20. */
export async function evaluateBundled(tuning: TermhoodTuning = DEFAULT_TERMHOOD) {
  const source = path.join(REPO, 'library');
  const glossary = readFileSync(path.join(source, 'concepts.yml'), 'utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-eval-suggest-'));
  try {
    cpSync(source, dir, { recursive: true });
    const original = await openLibrary(source, defaultConfig);
    const conceptKeys = new Set(original.concepts.flatMap((c) => [c.name, ...c.aliases]).map(phraseKey));
    unlinkSync(path.join(dir, 'concepts.yml'));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(path.join(dir, file), 'utf8')
        .replace(/^concepts:.*\n/mu, '')
        .replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/gu, (link, target: string, label?: string) => (conceptKeys.has(phraseKey(target)) ? (label ?? target) : link));
      writeFileSync(path.join(dir, file), text);
    }
    const stripped = await openLibrary(dir, defaultConfig);
    const found = suggestions(stripped, 20, tuning).suggestions;
    const foundKeys = new Set(found.flatMap((s) => [phraseKey(s.phrase), `p:${porterPhrase(s.phrase)}`]));
    const rediscovered = original.concepts.filter((c) =>
      [c.name, ...c.aliases].some((form) => foundKeys.has(phraseKey(form)) || foundKeys.has(`p:${porterPhrase(form)}`)),
    );
    return { curated: original.concepts.length, rediscovered: rediscovered.map((c) => c.name), found: found.map((s) => s.phrase), glossaryBytes: glossary.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of this process (user + system). */
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU of `suggestions()` on the library at `dir`, and of the parse floor over the same files. */
export async function timeSuggest(dir: string): Promise<{ notes: number; suggestSeconds: number; floorSeconds: number }> {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.md')).sort();
  let started = cpuSeconds();
  for (const name of files) processor.parse(readFileSync(path.join(dir, name), 'utf8'));
  const floorSeconds = cpuSeconds() - started;
  const library = await openLibrary(dir, defaultConfig);
  started = cpuSeconds();
  suggestions(library, 20);
  const suggestSeconds = cpuSeconds() - started;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { notes: library.notes.length, suggestSeconds: round(suggestSeconds), floorSeconds: round(floorSeconds) };
}

async function main(): Promise<void> {
  const bundled = await evaluateBundled({ ...DEFAULT_TERMHOOD, ...JSON.parse(process.env.TUNING ?? '{}') });
  const tuning = { ...DEFAULT_TERMHOOD, ...JSON.parse(process.env.TUNING ?? '{}') };
  const splits: ('train' | 'dev' | 'test')[] = process.argv.includes('--test') ? ['train', 'dev', 'test'] : ['train', 'dev'];
  const verbose = process.argv.includes('--verbose');
  const rows = splits.map((split) => evaluateInspec(split, { tuning }));
  console.log('| measure | result | target |');
  console.log('|---|---|---|');
  console.log(`| bundled library, glossary removed: curated concepts rediscovered in the top 20 | ${bundled.rediscovered.length} / ${bundled.curated} | ≥ 16 / 20 |`);
  for (const row of rows) {
    console.log(`| Inspec ${row.split} as notes (${row.notes}): top-20 precision | ${row.p20.toFixed(2)} | ≥ 0.80 |`);
    console.log(`| Inspec ${row.split} as notes: top-50 precision | ${row.p50.toFixed(2)} | ≥ 0.70 |`);
    console.log(`| Inspec ${row.split}: junk in the top 50 by the rules | ${row.junk.length} | 0 |`);
  }
  const timeAt = process.argv.indexOf('--time');
  if (timeAt > 0 && process.argv[timeAt + 1]) {
    const t = await timeSuggest(path.resolve(process.argv[timeAt + 1]!));
    const ratio = Math.round((100 * t.suggestSeconds) / t.floorSeconds) / 100;
    console.log(`| time for --suggest at ${t.notes} notes (CPU of suggestions() / parse floor) | ${t.suggestSeconds} s / ${t.floorSeconds} s = ${ratio} × | ≤ 0.2 × |`);
  }
  if (verbose) {
    console.log('\nbundled top 20:', bundled.found.join(' | '));
    console.log('rediscovered:', bundled.rediscovered.join(', '));
    for (const row of rows) {
      console.log(`\n${row.split} (${row.ms} ms):`);
      row.found.forEach((s, i) => console.log(`${row.hits[i] ? '+' : '-'} ${s.phrase}  ${s.score} (${s.docs.length})`));
      if (row.junk.length > 0) console.log('junk:', row.junk.join(' | '));
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(path.join(BENCHMARKS, 'inspec'))) {
    console.error(`No benchmark data at ${BENCHMARKS}: set COMMONPLACE_BENCHMARKS or put shared/ beside the repository.`);
    process.exit(2);
  }
  await main();
}
