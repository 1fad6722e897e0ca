/**
 * Writes a deterministic corpus of N lint-clean notes plus a glossary, for
 * the benchmark and for scale tests:
 *
 *   npx tsx scripts/gen-corpus.ts --out DIR --count N [--seed S] [--words 1500]
 *
 * The same seed, count and words give byte-identical files (a seeded PRNG,
 * no clock, no Math.random). Notes fall into topic groups that share tags,
 * concepts and nouns, so related notes and mentions are meaningful.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { createRandom, type Random } from './bench/prng.js';
import { writeSection, writeSummary, type ProsePlan } from './bench/prose.js';
import { common, topics, type ConceptSeed, type Topic } from './bench/vocabulary.js';

/** Generator settings (the command-line flags). */
export interface CorpusOptions {
  out: string;
  count: number;
  seed: string;
  /** Approximate words per note. */
  words: number;
}

/** One planned note: everything but its prose. */
interface PlannedNote {
  file: string;
  title: string;
  authors: string[];
  year: number;
  source: string;
  venue: string;
  kind: string;
  topic: Topic;
  tags: string[];
  concepts: ConceptSeed[];
  whyHeading: string;
}

const titleCase = (text: string): string => text.replace(/(^|\s)([a-z])/g, (_m, space: string, ch: string) => space + ch.toUpperCase());

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function makeTitle(random: Random, topic: Topic, concept: ConceptSeed): string {
  const adj = random.pick(common.adjectives);
  const noun = random.pick(topic.nouns);
  const adj2 = random.pick(common.adjectives);
  const patterns = [
    `${titleCase(concept.name)} and the ${titleCase(adj)} ${titleCase(noun)}`,
    `Why the ${titleCase(noun)} Needs ${titleCase(concept.name)}`,
    `On ${titleCase(adj)} ${titleCase(random.pick(common.nouns))}s`,
    `The ${titleCase(adj)} Case for ${titleCase(concept.name)}`,
    `What ${titleCase(concept.name)} Teaches About the ${titleCase(noun)}`,
    `Against the ${titleCase(adj)} ${titleCase(noun)}`,
    `${titleCase(adj)} ${titleCase(noun)}, ${titleCase(adj2)} ${titleCase(random.pick(common.nouns))}`,
    `How ${titleCase(concept.name)} ${titleCase(random.pick(common.verbs))} the ${titleCase(noun)}`,
  ];
  return random.pick(patterns);
}

/** Plans every note first, so prose can link to titles that come later in the corpus. */
function planNotes(random: Random, count: number): PlannedNote[] {
  const titles = new Set<string>();
  const files = new Set<string>();
  const notes: PlannedNote[] = [];
  for (let index = 0; index < count; index++) {
    const topic = topics[index % topics.length] as Topic;
    const concepts = random.sample(topic.concepts, random.int(2, 3));
    let title = makeTitle(random, topic, concepts[0] as ConceptSeed);
    for (let attempt = 0; titles.has(title.toLowerCase()) && attempt < 4; attempt++) {
      title = makeTitle(random, topic, random.pick(topic.concepts));
    }
    if (titles.has(title.toLowerCase())) title = `${title}, Part ${index + 1}`;
    titles.add(title.toLowerCase());
    let slug = slugify(title);
    if (files.has(slug)) slug = `${slug}-${index + 1}`;
    files.add(slug);
    const year = random.int(1960, 2025);
    const author = (): string => `${random.pick(common.first)} ${random.pick(common.last)}`;
    const authors = random.chance(0.15) ? [author(), author()] : [author()];
    const neighbour = topics[(index + 1) % topics.length] as Topic;
    notes.push({
      file: `${slug}.md`,
      title,
      authors,
      year,
      source: `https://${random.pick(common.domains)}/${year}/${slug}-${index.toString(36)}`,
      venue: random.pick(topic.venues),
      kind: random.pick(common.kinds),
      topic,
      tags: random.chance(0.3) ? [topic.tag, neighbour.tag] : [topic.tag],
      concepts,
      whyHeading: random.chance(0.3) ? 'Why it matters for practice' : 'Why it matters',
    });
  }
  return notes;
}

/** Renders one note's Markdown; `sameTopic` holds candidate link targets. */
function renderNote(random: Random, note: PlannedNote, sameTopic: string[], words: number): string {
  const frontmatter = {
    title: note.title,
    author: note.authors.length === 1 ? note.authors[0] : note.authors,
    year: note.year,
    source: note.source,
    venue: note.venue,
    kind: note.kind,
    tags: note.tags,
    concepts: note.concepts.map((c) => c.name),
  };
  const otherConcepts = random.sample(topics.flatMap((t) => (t === note.topic ? [] : t.concepts)), 4);
  const plan: ProsePlan = {
    topic: note.topic,
    concepts: note.concepts,
    otherConcepts,
    linkTargets: random.sample(sameTopic.filter((t) => t !== note.title), 4),
    authorName: (note.authors[0] ?? 'The author').split(' ').at(-1) ?? 'The author',
    linkedConcepts: new Set(),
  };
  const sectionWords = Math.max(30, Math.round((words - 120) / 3));
  const body = [
    `---\n${stringify(frontmatter, { lineWidth: 0 })}---`,
    writeSummary(random, plan),
    `## Central argument\n\n${writeSection(random, plan, sectionWords)}`,
    `## Critique\n\n${writeSection(random, plan, sectionWords)}`,
    `## ${note.whyHeading}\n\n${writeSection(random, plan, sectionWords)}`,
  ];
  return `${body.join('\n\n')}\n`;
}

/** The glossary, in the shape `concepts.yml` takes: a list of entries. */
export function renderGlossary(): string {
  const entries = topics.flatMap((topic) =>
    topic.concepts.map((concept, i) => ({
      name: concept.name,
      ...(concept.aliases.length > 0 ? { aliases: concept.aliases } : {}),
      definition: concept.definition,
      see: [topic.concepts[(i + 1) % topic.concepts.length]?.name ?? concept.name],
    })),
  );
  return stringify(entries, { lineWidth: 0 });
}

/** Writes the corpus; returns the note file names (sorted as written). */
export function generateCorpus(options: CorpusOptions): string[] {
  const random = createRandom(`${options.seed}:${options.count}:${options.words}`);
  const notes = planNotes(random, options.count);
  const byTopic = new Map<string, string[]>();
  for (const note of notes) byTopic.set(note.topic.tag, [...(byTopic.get(note.topic.tag) ?? []), note.title]);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(path.join(options.out, 'concepts.yml'), renderGlossary());
  for (const note of notes) {
    // Link only among a window of the topic's titles: a bounded, stable neighbourhood at any N.
    const peers = byTopic.get(note.topic.tag) ?? [];
    const at = peers.indexOf(note.title);
    const window = peers.slice(Math.max(0, at - 20), at + 20);
    writeFileSync(path.join(options.out, note.file), renderNote(random, note, window, options.words));
  }
  return notes.map((n) => n.file);
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string', default: 'commonplace' },
      words: { type: 'string', default: '1500' },
    },
  });
  const count = Number(values.count);
  const words = Number(values.words);
  if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(words) || words < 100) {
    process.stderr.write('usage: gen-corpus --out DIR --count N [--seed S] [--words 1500]\n');
    process.exitCode = 2;
    return;
  }
  const files = generateCorpus({ out: values.out, count, seed: values.seed, words });
  process.stdout.write(`wrote ${files.length} notes and concepts.yml to ${values.out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('gen-corpus.ts')) main(process.argv.slice(2));
