/**
 * Seeded mutation fuzzing of real notes through the whole pipeline:
 *
 *   npx tsx scripts/fuzz.ts --seed S --count N [--time-limit 60] [--batch 25]
 *
 * Each case is a real note (the bundled library and the hostile fixtures'
 * good and XSS notes) with 1–4 mutations: byte and bit flips, splices of
 * hostile fragments (code fences, `---js`, scripts, `javascript:` links,
 * footnotes, BOM, CR, U+2028, invalid UTF-8, NUL…), splices from another
 * note, truncation, duplication and deletion of a slice, swapped lines.
 * Batches go through parseNote → findMentions → checkLibrary → linkLibrary →
 * emitAll, and each page is audited as a browser would parse it
 * (test/reliability/html-audit.ts). A finding is any throw, an
 * `internal-error` diagnostic, an unsafe page, an index that does not parse,
 * or U+FFFD in an output when no note had one (or a numeric reference
 * such as `&#0;`, which CommonMark decodes to U+FFFD). Parsing runs in this thread
 * (no worker budget), so mutated notes are capped at 64 KiB and fragments
 * are short: the pathological inputs live in the time-budget tests.
 *
 * The same seed and count give the same cases; a finding prints the seed and
 * case number, and `--case K` replays one case and writes it to fuzz-case-K.md.
 * Exit code 1 when anything was found.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkLibrary, INTERNAL_ERROR } from '../src/check/run.js';
import { type Config, defaultConfig } from '../src/config.js';
import { emitAll, outputText } from '../src/emit/index.js';
import { loadGlossary } from '../src/link/glossary.js';
import { linkLibrary } from '../src/link/index.js';
import { findMentions } from '../src/link/mentions.js';
import { isReadFailure } from '../src/read/index.js';
import { parseNote } from '../src/read/parse.js';
import type { Concept, ReadFailure, WholeNote } from '../src/types.js';
import { wholeBodies } from '../src/read/bodies.js';
import { auditHandbook, codeScripts, parseDocument } from '../test/reliability/html-audit.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAX_CASE_BYTES = 64 * 1024;

/** Short hostile fragments spliced into notes (strings are UTF-8 encoded; arrays are raw bytes). */
export const FRAGMENTS: (string | number[])[] = [
  '---js\n', '---\n', '--- JavaScript\n', '---constructor\n', '\n---\n', 'title: x\n', 'title: [a, b]\n', '__proto__: {a: 1}\n',
  'a: &x [1]\nb: *x\n', 'date: 2020-01-01\n', 'zip: 012345\n', '\uFEFF', '\r', '\r\n', '\u2028', '\u2029', '\u0085',
  '<script>alert(1)</script>', '</script><script>alert(2)</script>', '<img src=x onerror=alert(3)>', '<svg onload=alert(4)>',
  '<iframe srcdoc="<script>alert(5)</script>">', '<a href="javascript:alert(6)">x</a>', '[x](javascript:alert(7))',
  '[x](JaVaScRiPt:alert(8))', '[x](java&#x09;script:alert(9))', '<javascript:alert(10)>', '![i](data:text/html,x)',
  '[r]: vbscript:msgbox(1)\n', '[x][r]', '[^1]', '\n[^1]: note\n', '[^a]: <script>x</script>\n', '[[', ']]', '[[a|b]]',
  '[[x#y]]', '[[<img src=x onerror=alert(11)>]]', '`', '```\n', '~~~', '> ', '>>>>> ', '* ', '- [ ] ', '1. ', '*_*_', '**', '__',
  '# ', '## Critique\n', '## Central argument\n', '####### ', '| a | b |\n|---|---|\n| c | d |\n', '<!--', '-->',
  '<!-- commonplace-disable -->', '&#0;', '&#x110000;', '&amp;', '\\', '\t', '  \n', '\u0301', '\u200d', '\ud83d\ude00',
  [0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x80], [0x00],
];

/** mulberry32 over an FNV-1a hash of the seed: the same seed, the same cases, everywhere. */
export function createRandom(seed: string): { int(max: number): number; pick<T>(items: readonly T[]): T } {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)]! };
}

type Random = ReturnType<typeof createRandom>;
const encoder = new TextEncoder();
const bytesOf = (fragment: string | number[]): Uint8Array => (typeof fragment === 'string' ? encoder.encode(fragment) : Uint8Array.from(fragment));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** One mutation of `bytes`; `others` are the seed notes (for splices). */
export function mutateOnce(bytes: Uint8Array, others: readonly Uint8Array[], random: Random): Uint8Array {
  const at = random.int(bytes.length + 1);
  const span = (): number => Math.min(bytes.length - at, 1 + random.int(200));
  switch (random.int(8)) {
    case 0: {
      const out = bytes.slice();
      if (out.length > 0) out[random.int(out.length)] = random.int(256);
      return out;
    }
    case 1: {
      const out = bytes.slice();
      if (out.length > 0) out[random.int(out.length)]! ^= 1 << random.int(8);
      return out;
    }
    case 2:
    case 3: {
      const fragment = bytesOf(random.pick(FRAGMENTS));
      const copies = 1 + random.int(3);
      return concat(bytes.subarray(0, at), ...Array.from({ length: copies }, () => fragment), bytes.subarray(at));
    }
    case 4: {
      const other = random.pick(others);
      const from = random.int(other.length);
      return concat(bytes.subarray(0, at), other.subarray(from, from + 1 + random.int(400)), bytes.subarray(at));
    }
    case 5:
      return bytes.subarray(0, at);
    case 6:
      return concat(bytes.subarray(0, at + span()), bytes.subarray(at));
    default:
      return concat(bytes.subarray(0, at), bytes.subarray(at + span()));
  }
}

/** Case `index` of the run seeded `seed`: a seed note with 1–4 mutations, at most 64 KiB. */
export function makeCase(seed: string, index: number, seeds: readonly Uint8Array[]): Uint8Array {
  const random = createRandom(`${seed}:${index}`);
  let bytes = random.pick(seeds);
  const mutations = 1 + random.int(4);
  for (let i = 0; i < mutations; i++) bytes = mutateOnce(bytes, seeds, random);
  return bytes.length > MAX_CASE_BYTES ? bytes.subarray(0, MAX_CASE_BYTES) : bytes;
}

/** The real notes the fuzzer starts from. */
export function seedNotes(): Uint8Array[] {
  const folders = ['library', 'test/fixtures/hostile/good', 'test/fixtures/hostile/xss'].map((f) => path.join(ROOT, f));
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => new Uint8Array(readFileSync(path.join(folder, name)))),
  );
}

/** One thing the fuzzer found. */
export interface Finding {
  /** Case numbers of the batch (the culprit is one of them). */
  cases: number[];
  stage: string;
  detail: string;
}

/** The shell's own scripts (the audit allows exactly these), from an empty handbook. */
export function shellScriptsOf(config: Config): string[] {
  const html = outputText(emitAll({ notes: [], concepts: [], diagnostics: [] }, config, { bodies: wholeBodies([]) }), 'handbook.html');
  return codeScripts(parseDocument(html));
}

/** Runs one batch of cases through every stage; returns what went wrong. */
export function runBatch(cases: { index: number; bytes: Uint8Array }[], concepts: Concept[], config: Config, shellScripts: readonly string[]): Finding[] {
  const ids = cases.map((c) => c.index);
  const found = (stage: string, detail: string, only = ids): Finding[] => [{ cases: only, stage, detail }];
  const notes: WholeNote[] = [];
  const failures: ReadFailure[] = [];
  for (const { index, bytes } of cases) {
    let result: WholeNote | ReadFailure;
    try {
      result = parseNote({ path: `fuzz-${index}.md`, bytes }, config);
    } catch (error) {
      return found('read', String((error as Error).stack ?? error), [index]);
    }
    if (isReadFailure(result)) failures.push(result);
    else notes.push(result);
  }
  try {
    const bodies = wholeBodies(notes);
    const mentions = findMentions(notes, concepts, bodies);
    const diagnostics = checkLibrary({ notes, bodies, failures, concepts, mentions, config });
    const internal = diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR);
    if (internal.length > 0) return found('check', internal.map((d) => `${d.file}: ${d.message}`).join('\n'));
    const library = linkLibrary(notes, concepts, config, bodies, mentions);
    library.diagnostics = diagnostics;
    const outputs = emitAll(library, config, { bodies });
    const problems = auditHandbook(outputText(outputs, 'handbook.html'), shellScripts);
    if (problems.length > 0) return found('html', problems.join('\n'));
    JSON.parse(outputText(outputs, 'index.json'));
    // CommonMark turns `&#0;` and other invalid numeric references into U+FFFD on purpose.
    const hadReplacement = notes.some((n) => n.source.includes('\uFFFD') || /&#(x[0-9a-f]+|[0-9]+);/i.test(n.source));
    if (!hadReplacement && outputs.some((f) => typeof f.content === 'string' && f.content.includes('\uFFFD'))) return found('outputs', 'U+FFFD in an output');
  } catch (error) {
    return found('pipeline', String((error as Error).stack ?? error));
  }
  return [];
}

/** Options of a fuzz run. */
export interface FuzzOptions {
  seed: string;
  count: number;
  /** Stop starting batches after this many seconds. */
  timeLimit: number;
  batch: number;
}

/** Runs `count` cases (or until the time limit); returns the findings and how many cases ran. */
export function fuzz(options: FuzzOptions, config: Config = defaultConfig): { findings: Finding[]; ran: number } {
  const seeds = seedNotes();
  const { concepts } = loadGlossary(path.join(ROOT, 'library'), config);
  const shellScripts = shellScriptsOf(config);
  const deadline = Date.now() + options.timeLimit * 1000;
  const findings: Finding[] = [];
  let ran = 0;
  for (let start = 0; start < options.count && Date.now() < deadline; start += options.batch) {
    const cases = [];
    for (let index = start; index < Math.min(options.count, start + options.batch); index++) {
      cases.push({ index, bytes: makeCase(options.seed, index, seeds) });
    }
    findings.push(...runBatch(cases, concepts, config, shellScripts));
    ran += cases.length;
  }
  return { findings, ran };
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '2000' },
      'time-limit': { type: 'string', default: '60' },
      batch: { type: 'string', default: '25' },
      case: { type: 'string' },
    },
  });
  if (values.case !== undefined) {
    const file = `fuzz-case-${values.case}.md`;
    writeFileSync(file, makeCase(values.seed, Number(values.case), seedNotes()));
    process.stdout.write(`wrote case ${values.case} of seed ${values.seed} to ${file}\n`);
    return;
  }
  const options = { seed: values.seed, count: Number(values.count), timeLimit: Number(values['time-limit']), batch: Number(values.batch) };
  const started = Date.now();
  const { findings, ran } = fuzz(options);
  for (const finding of findings) {
    process.stdout.write(`seed ${options.seed}, cases ${finding.cases.join(',')} [${finding.stage}]\n${finding.detail}\n\n`);
  }
  process.stdout.write(`${ran} cases, ${findings.length} findings, ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${options.seed})\n`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
