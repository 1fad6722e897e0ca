/**
 * Turns a planned note (title, topic, concepts, link targets) into Markdown
 * prose of a requested length: paragraphs, the odd list, emphasis, inline
 * code, links and `[[wikilinks]]`, with concept names woven in so that
 * mention finding and related-note ranking do real work on the corpus.
 */
import type { Random } from './prng.js';
import { common, type ConceptSeed, type Topic } from './vocabulary.js';

/** What the prose writer needs to know about one note. */
export interface ProsePlan {
  topic: Topic;
  /** Concepts the note is about (front-matter `concepts`), used most. */
  concepts: ConceptSeed[];
  /** Concepts from the rest of the vocabulary, mentioned now and then. */
  otherConcepts: ConceptSeed[];
  /** Titles of other generated notes this note may `[[link]]` to. */
  linkTargets: string[];
  /** The first author's family name, for "X argues that…". */
  authorName: string;
  /** Concepts already linked in this note (the first mention links, later ones do not). */
  linkedConcepts: Set<string>;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Builds sentences for one note from its plan. */
function sentenceMaker(random: Random, plan: ProsePlan) {
  const concept = (): string => {
    const seed = random.chance(0.8) || plan.otherConcepts.length === 0 ? random.pick(plan.concepts) : random.pick(plan.otherConcepts);
    const name = random.chance(0.15) && seed.aliases.length > 0 ? random.pick(seed.aliases) : seed.name;
    // The first mention of a concept in a note links it, as a careful writer (and the lint) would.
    if (plan.linkedConcepts.has(seed.name)) return name;
    plan.linkedConcepts.add(seed.name);
    return `[[${name}]]`;
  };
  const topicNoun = (): string => random.pick(plan.topic.nouns);
  const noun = (): string => decorate(random.pick(common.nouns));
  const adj = (): string => random.pick(common.adjectives);
  const verb = (): string => random.pick(common.verbs);
  const adverb = (): string => random.pick(common.adverbs);
  const decorate = (word: string): string => {
    const roll = random.next();
    if (roll < 0.04) return `*${word}*`;
    if (roll < 0.06) return `**${word}**`;
    if (roll < 0.075) return `\`${word.replace(/\s+/g, '-')}\``;
    return word;
  };
  const link = (): string => {
    const text = `${adj()} ${random.pick(common.nouns)}`;
    const slug = text.replace(/[^a-z]+/g, '-');
    return `[${text}](https://${random.pick(common.domains)}/${slug}-${random.int(1, 999)})`;
  };

  const templates: (() => string)[] = [
    () => `${random.pick(common.openers)} ${concept()} ${adverb()} ${verb()} the ${adj()} ${noun()} of every ${topicNoun()}.`,
    () => `${plan.authorName} argues that the ${topicNoun()} ${verb()} ${concept()} more than most readers admit.`,
    () => `The ${adj()} ${noun()} here is that a ${topicNoun()} ${verb()} the ${adj()} ${noun()}, and ${concept()} ${verb()} it ${adverb()}.`,
    () => `When a ${topicNoun()} ${verb()} ${concept()}, the ${noun()} becomes ${adj()} and the ${topicNoun()} ${adverb()} ${verb()} the ${noun()}.`,
    () => `This is not a ${adj()} ${noun()}: it ${verb()} how a ${topicNoun()} ${verb()} the ${topicNoun()} over the years.`,
    () => `A ${adj()} ${noun()} about ${concept()} is easy to state and hard to act on, as the ${link()} makes clear.`,
    () => `Few ${topicNoun()} owners notice that ${concept()} ${verb()} the ${adj()} ${noun()} until a ${adj()} ${topicNoun()} forces the question.`,
    () => `The essay keeps returning to one ${noun()}: a ${adj()} ${topicNoun()} ${adverb()} ${verb()} ${concept()}.`,
    () => {
      const target = plan.linkTargets.length > 0 ? random.pick(plan.linkTargets) : null;
      return target === null
        ? `Read next to the ${adj()} ${noun()}, ${concept()} looks ${adj()} rather than ${adj()}.`
        : `Read next to [[${target}]], the ${adj()} ${noun()} about ${concept()} looks ${adj()} rather than ${adj()}.`;
    },
  ];
  return (): string => capitalise(random.pick(templates)());
}

/** A paragraph of `min`–`max` sentences. */
function paragraph(sentence: () => string, random: Random, min: number, max: number): string {
  const count = random.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(sentence());
  return out.join(' ');
}

/** A short bulleted or numbered list, the way notes tend to enumerate points. */
function list(random: Random, plan: ProsePlan): string {
  const ordered = random.chance(0.3);
  const items = random.int(3, 5);
  const lines: string[] = [];
  for (let i = 0; i < items; i++) {
    const concept = random.pick(plan.concepts).name;
    const line = `${random.pick(common.adjectives)} ${random.pick(plan.topic.nouns)} ${random.pick(common.verbs)} ${concept} ${random.pick(common.adverbs)}`;
    lines.push(`${ordered ? `${i + 1}.` : '-'} ${capitalise(line)}.`);
  }
  return lines.join('\n');
}

/** The summary: two to four sentences before the first heading. */
export function writeSummary(random: Random, plan: ProsePlan): string {
  return paragraph(sentenceMaker(random, plan), random, 2, 4);
}

/** One section body of at least `words` words: paragraphs, now and then a list. */
export function writeSection(random: Random, plan: ProsePlan, words: number): string {
  const sentence = sentenceMaker(random, plan);
  const blocks: string[] = [];
  let total = 0;
  while (total < words) {
    const block = blocks.length > 0 && random.chance(0.12) ? list(random, plan) : paragraph(sentence, random, 3, 6);
    blocks.push(block);
    total += wordCount(block);
  }
  return blocks.join('\n\n');
}
