/**
 * Inspec key-phrase evaluation (standard protocol, ../shared/benchmarks/README.md):
 * input `title + ". " + abstract`, gold `uncontr`, both sides Porter-stemmed
 * word by word, exact match, macro-averaged P/R/F at 5 and 10, document
 * frequencies from `train`. Tune on `dev`; `test` is only reported.
 *
 *   npx tsx scripts/eval-keyphrases.ts          # dev and test
 *   npx tsx scripts/eval-keyphrases.ts --tune   # grid search on dev only
 *   npx tsx scripts/eval-keyphrases.ts --ablate # dev score with each knob switched off
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** CPU time of this process in ms (user + system): steadier than wall time on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
import { buildPhraseDf, DEFAULT_TUNING, extractKeyphrases } from '../src/link/text/keyphrases.js';
import type { KeyphraseTuning } from '../src/link/text/keyphrases.js';
import { porterKey } from '../src/link/text/tagger.js';

/** One Inspec record. */
interface InspecDoc {
  id: string;
  title: string;
  abstract: string;
  uncontr: string[];
}

/** Macro-averaged scores (percent) and the time per document. */
export interface KeyphraseScores {
  p5: number; r5: number; f5: number;
  p10: number; r10: number; f10: number;
  msPerDoc: number;
  docs: number;
}

/** `../shared/benchmarks` beside the repository root. */
export const BENCHMARKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'benchmarks');

/** Reads one Inspec split. */
export function readInspec(split: 'train' | 'dev' | 'test'): InspecDoc[] {
  const file = path.join(BENCHMARKS, 'inspec', `inspec.${split}.jsonl`);
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as InspecDoc);
}

const inputOf = (doc: InspecDoc) => `${doc.title}. ${doc.abstract}`;

/** P, R, F (fractions) of the first k predictions against the gold set. */
function prf(predicted: readonly string[], gold: ReadonlySet<string>, k: number): [number, number, number] {
  const top = predicted.slice(0, k);
  const hits = top.filter((key) => gold.has(key)).length;
  const p = top.length === 0 ? 0 : hits / top.length;
  const r = gold.size === 0 ? 0 : hits / gold.size;
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)];
}

/** Runs the protocol on `docs` with df from `train`. */
export function evaluateKeyphrases(
  docs: readonly InspecDoc[],
  reference: { df: Map<string, number>; docCount: number },
  tuning: KeyphraseTuning = DEFAULT_TUNING,
): KeyphraseScores {
  const sums = [0, 0, 0, 0, 0, 0];
  const started = cpuMs();
  for (const doc of docs) {
    const predicted: string[] = [];
    for (const phrase of extractKeyphrases(inputOf(doc), { ...reference, limit: 10 }, tuning))
      if (!predicted.includes(phrase.stemmed)) predicted.push(phrase.stemmed);
    const gold = new Set(doc.uncontr.map(porterKey).filter((key) => key !== ''));
    const at5 = prf(predicted, gold, 5);
    const at10 = prf(predicted, gold, 10);
    [...at5, ...at10].forEach((value, i) => (sums[i]! += value));
  }
  const elapsed = cpuMs() - started;
  const [p5, r5, f5, p10, r10, f10] = sums.map((sum) => Math.round((10_000 * sum) / docs.length) / 100) as [number, number, number, number, number, number];
  return { p5, r5, f5, p10, r10, f10, msPerDoc: Math.round((100 * elapsed) / docs.length) / 100, docs: docs.length };
}

/** df from the train split (the protocol's reference corpus). */
export function trainReference(tuning: KeyphraseTuning = DEFAULT_TUNING): { df: Map<string, number>; docCount: number } {
  return buildPhraseDf(readInspec('train').map(inputOf), tuning);
}

const show = (name: string, s: KeyphraseScores) =>
  `${name.padEnd(5)} F@5 ${s.f5.toFixed(2)} (P ${s.p5.toFixed(2)} R ${s.r5.toFixed(2)})  F@10 ${s.f10.toFixed(2)} (P ${s.p10.toFixed(2)} R ${s.r10.toFixed(2)})  ${s.msPerDoc} ms/doc over ${s.docs} docs`;

function main(): void {
  const reference = trainReference();
  const dev = readInspec('dev');
  if (process.argv.includes('--tune')) {
    tune(dev, reference);
    return;
  }
  if (process.argv.includes('--ablate')) {
    ablate(dev, reference);
    return;
  }
  console.log(show('dev', evaluateKeyphrases(dev, reference)));
  console.log(show('test', evaluateKeyphrases(readInspec('test'), reference)));
}

/** Each knob back to its plain value, one at a time, scored on dev: what each one buys. */
function ablate(dev: readonly InspecDoc[], reference: { df: Map<string, number>; docCount: number }): void {
  const plain: Partial<KeyphraseTuning> = {
    positionWeight: 0, phraseIdfWeight: 0, titleBoost: 0, wordTfExponent: 1, idfSmoothing: 1,
    dropNested: false, hyphenModifiers: false, genericModifierShare: 1, possessiveBreaks: false, maxWords: 3,
  };
  console.log(show('full', evaluateKeyphrases(dev, reference)));
  for (const [key, value] of Object.entries(plain)) {
    const tuning = { ...DEFAULT_TUNING, [key]: value };
    console.log(show(`${key}=${JSON.stringify(value)}`.padEnd(26), evaluateKeyphrases(dev, reference, tuning)));
  }
  console.log(show('all plain'.padEnd(26), evaluateKeyphrases(dev, reference, { ...DEFAULT_TUNING, ...plain })));
}

/** Coordinate-wise grid search on dev (never test). */
function tune(dev: readonly InspecDoc[], reference: { df: Map<string, number>; docCount: number }): void {
  const grid: { [K in keyof KeyphraseTuning]?: KeyphraseTuning[K][] } = JSON.parse(process.env.GRID ?? '{}');
  let best: KeyphraseTuning = { ...DEFAULT_TUNING, ...JSON.parse(process.env.START ?? '{}') };
  let bestF = evaluateKeyphrases(dev, reference, best).f10;
  console.log('start', JSON.stringify(best), bestF);
  for (const [key, values] of Object.entries(grid) as [keyof KeyphraseTuning, unknown[]][]) {
    for (const value of values) {
      const trial = { ...best, [key]: value } as KeyphraseTuning;
      const scores = evaluateKeyphrases(dev, reference, trial);
      console.log(`${key}=${JSON.stringify(value)}  F@5 ${scores.f5}  F@10 ${scores.f10}`);
      if (scores.f10 > bestF) [best, bestF] = [trial, scores.f10];
    }
  }
  console.log('best', JSON.stringify(best), bestF);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
