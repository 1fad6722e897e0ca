import { describe, expect, it } from 'vitest';
import { buildPhraseDf, extractKeyphrases, findCandidates } from '../../../src/link/text/keyphrases.js';
import { isStopword } from '../../../src/link/text/stopwords.js';
import { porterKey, tagWords } from '../../../src/link/text/tagger.js';

const ABSTRACT =
  'Fault-tolerant control of linear stochastic systems. This paper presents a robust fault detection scheme ' +
  'for linear stochastic systems with unknown inputs. The fault detection module uses two-stage Kalman filters, ' +
  "and the controller's reconfiguration keeps the system stable. Simulation results for a flight control system show the effectiveness of the scheme.";

const CORPUS = [
  'A survey of neural networks for image classification and object detection in large image collections.',
  'Robust control of nonlinear systems with unknown disturbances, using adaptive observers and output feedback.',
  'We study the scheduling of parallel jobs on distributed memory machines and report simulation results.',
  'Kalman filters estimate the state of linear systems from noisy measurements in real time.',
  'This paper presents a database index for time series and evaluates it on stock market data.',
];

describe('tagWords', () => {
  it('should glue hyphenated words, flag possessives and give offsets into the text', () => {
    const text = "The leader's single-threaded model works.";
    const words = tagWords(text);
    const leader = words.find((w) => w.text === 'leader');
    expect(leader?.possessive).toBe(true);
    const hyphenated = words.find((w) => w.text === 'single-threaded');
    expect(hyphenated?.key).toBe(porterKey('single threaded'));
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.text);
  });
});

describe('findCandidates', () => {
  it('should return noun phrases that never start or end with a stop word', () => {
    const candidates = findCandidates(ABSTRACT);
    const phrases = candidates.map((c) => c.phrase);
    expect(phrases).toContain('robust fault detection scheme');
    expect(phrases).toContain('linear stochastic systems');
    expect(phrases).toContain('two-stage Kalman filters');
    for (const candidate of candidates) {
      const words = candidate.phrase.split(/\s+/u);
      expect(isStopword(words[0]!)).toBe(false);
      expect(isStopword(words[words.length - 1]!)).toBe(false);
    }
  });

  it('should not produce verbs, bare adjectives or number-only candidates', () => {
    const phrases = findCandidates('The model presents 2024 results; it is stable and 42 fast.').map((c) => c.phrase);
    expect(phrases).not.toContain('presents');
    expect(phrases).not.toContain('stable');
    expect(phrases).not.toContain('2024');
    expect(phrases).not.toContain('42');
  });

  it('should count repeated candidates once per occurrence under one stemmed key', () => {
    const detection = findCandidates(ABSTRACT).find((c) => c.stemmed === porterKey('fault detection'));
    expect(detection?.count).toBe(2);
  });

  it('should end a phrase at a possessive so the owner and the owned stay apart', () => {
    const phrases = findCandidates("The controller's reconfiguration was fast.").map((c) => c.phrase);
    expect(phrases).toContain('controller');
    expect(phrases).toContain('reconfiguration');
    expect(phrases.some((p) => p.includes("'"))).toBe(false);
  });
});

describe('extractKeyphrases', () => {
  const reference = buildPhraseDf(CORPUS);

  it('should rank specific multi-word phrases from the text first', () => {
    const phrases = extractKeyphrases(ABSTRACT, { ...reference, limit: 5 });
    expect(phrases).toHaveLength(5);
    expect(phrases.map((p) => p.phrase)).toContain('robust fault detection scheme');
    expect(phrases.map((p) => p.phrase)).toContain('Fault-tolerant control');
    for (let i = 1; i < phrases.length; i++) expect(phrases[i - 1]!.score).toBeGreaterThanOrEqual(phrases[i]!.score);
  });

  it('should not return a phrase nested in a better-ranked one', () => {
    const keys = extractKeyphrases(ABSTRACT, { ...reference, limit: 10 }).map((p) => ` ${p.stemmed} `);
    for (const a of keys) for (const b of keys) if (a !== b) expect(a.includes(b)).toBe(false);
  });

  it('should be deterministic and respect the limit', () => {
    const first = extractKeyphrases(ABSTRACT, { ...reference, limit: 3 });
    expect(first).toHaveLength(3);
    expect(extractKeyphrases(ABSTRACT, { ...reference, limit: 3 })).toEqual(first);
  });

  it('should return nothing for text without nouns', () => {
    expect(extractKeyphrases('', reference)).toEqual([]);
    expect(extractKeyphrases('and so on, or not.', reference)).toEqual([]);
  });
});

describe('buildPhraseDf', () => {
  it('should count each word and candidate phrase once per document', () => {
    const { df, docCount } = buildPhraseDf(['Kalman filters and Kalman filters.', 'Kalman filters again.', 'Nothing here.']);
    expect(docCount).toBe(3);
    expect(df.get(porterKey('Kalman filters'))).toBe(2);
    expect(df.get(porterKey('Kalman'))).toBe(2);
  });
});

describe('hostile input', () => {
  it('should handle long runs without spaces, hyphen chains and huge texts without hanging', () => {
    const inputs = ['x'.repeat(200_000), `${'a-'.repeat(50_000)}b`, `${"a'".repeat(50_000)}b`, '-'.repeat(200_000), 'Cats purr loudly. '.repeat(5_000)];
    for (const text of inputs) {
      const started = Date.now();
      const phrases = extractKeyphrases(text, { limit: 3 });
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const phrase of phrases) expect(phrase.phrase.length).toBeLessThan(200);
    }
  });

  it('should keep offsets valid when a long run is skipped', () => {
    const text = `see https://example.com/${'q'.repeat(100)} for the Kalman filter design`;
    for (const word of tagWords(text)) expect(text.slice(word.start, word.end)).toBe(word.text);
    expect(findCandidates(text).map((c) => c.phrase)).toContain('Kalman filter design');
  });
});

describe('extractKeyphrases without a reference corpus', () => {
  it('should fall back to frequency and position with positive scores', () => {
    const phrases = extractKeyphrases('Kalman filters are common. We like Kalman filters. The weather is nice.', { limit: 2 });
    expect(phrases[0]?.phrase).toBe('Kalman filters');
    for (const phrase of phrases) expect(phrase.score).toBeGreaterThan(0);
  });
});
