/**
 * A small deterministic corpus where the right answer is known: notes written
 * in topic groups, each note mixing its topic's vocabulary (a minority of its
 * words) with a large shared vocabulary and a little noise from other topics.
 * Related notes of a note should come from its own group.
 */
import { noteFromText } from '../../src/read/parse.js';
import type { WholeNote } from '../../src/types.js';

/** mulberry32: a tiny seeded PRNG, so the corpus is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS: Record<string, string[]> = {
  pricing: ['price', 'discount', 'margin', 'revenue', 'subscription', 'tier', 'willingness', 'invoice', 'churn', 'upsell', 'billing', 'elasticity'],
  hiring: ['candidate', 'interview', 'recruiter', 'offer', 'onboarding', 'referral', 'resume', 'headcount', 'salary', 'sourcing', 'pipeline', 'hire'],
  architecture: ['service', 'module', 'interface', 'coupling', 'latency', 'database', 'deployment', 'monolith', 'schema', 'cache', 'protocol', 'migration'],
  research: ['interviewee', 'survey', 'persona', 'insight', 'prototype', 'usability', 'observation', 'hypothesis', 'diary', 'synthesis', 'recruiting', 'journey'],
  strategy: ['competitor', 'moat', 'positioning', 'segment', 'differentiation', 'roadmap', 'bet', 'horizon', 'portfolio', 'advantage', 'vision', 'landscape'],
};

const GENERAL = (
  'team work people time year idea problem change question result process plan goal value way part case point system group ' +
  'company product customer manager leader decision practice example reason effect level approach argument essay author ' +
  'important simple clear hard early late small large better worse common useful different real good long short new old'
).split(' ');

/** The topic of each generated note, by id. */
export type TopicOf = Map<string, string>;

/** Knobs of the generated corpus (defaults in `topicCorpus`). */
export interface CorpusOptions {
  perTopic?: number;
  seed?: number;
  /** Share of each note's words drawn from its topic's vocabulary. */
  topicShare?: number;
  /** Share drawn from another topic's vocabulary. */
  noise?: number;
  /** Probability that a note declares its topic's concept (`Topic pricing`…) in front matter. */
  conceptRate?: number;
  /** Probability that it declares another topic's concept instead. */
  wrongConceptRate?: number;
}

/** The glossary of the topic concepts, one per topic (names match no generated word). */
export const TOPIC_GLOSSARY = Object.keys(TOPICS)
  .map((topic) => `- name: Topic ${topic}\n  definition: Notes about ${topic}.\n`)
  .join('');

/**
 * `topics × perTopic` notes; ids are shuffled so no id order hints at a topic.
 * `topicShare` of each note's words come from its topic, `noise` from another.
 */
export function topicCorpus(options: CorpusOptions = {}): { notes: WholeNote[]; topicOf: TopicOf } {
  const { perTopic = 8, seed = 7, topicShare = 0.1, noise = 0.05, conceptRate = 0, wrongConceptRate = 0 } = options;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = Object.keys(TOPICS);
  const slots = names.flatMap((topic) => Array.from({ length: perTopic }, () => topic));
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  const paragraph = (topic: string, words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const roll = random();
      const vocabulary = roll < topicShare ? TOPICS[topic]! : roll < topicShare + noise ? TOPICS[pick(names.filter((n) => n !== topic))]! : GENERAL;
      out.push(pick(vocabulary));
    }
    return `${out.join(' ')}.`;
  };
  const topicOf: TopicOf = new Map();
  const notes = slots.map((topic, i) => {
    const id = `n${String(i).padStart(2, '0')}`;
    topicOf.set(id, topic);
    const roll = random();
    const declared = roll < conceptRate ? topic : roll < conceptRate + wrongConceptRate ? pick(names.filter((n) => n !== topic)) : null;
    const text = [
      '---',
      `title: Note ${i}`,
      'author: Generated',
      'year: 2020',
      'source: https://example.com',
      ...(declared ? [`concepts: [Topic ${declared}]`] : []),
      '---',
      '',
      paragraph(topic, 30),
      '',
      '## Central argument',
      '',
      paragraph(topic, 60),
      '',
      '## Critique',
      '',
      paragraph(topic, 50),
      '',
      '## Why it matters',
      '',
      paragraph(topic, 40),
      '',
    ].join('\n');
    return noteFromText(`${id}.md`, text);
  });
  return { notes, topicOf };
}

/** Mean share of each note's top-k related notes that are in its own topic. */
export function precisionAtK(related: Map<string, { id: string }[]>, topicOf: TopicOf, k: number): number {
  let total = 0;
  for (const [id, list] of related) {
    const hits = list.slice(0, k).filter((r) => topicOf.get(r.id) === topicOf.get(id)).length;
    total += hits / k;
  }
  return total / related.size;
}
