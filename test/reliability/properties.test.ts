/**
 * Properties over arbitrary bytes (fast-check, fixed seeds, bounded runs):
 * the reader and the linter never throw for any file content. Random bytes
 * alone rarely look like a note, so a second generator glues hostile
 * fragments (fences, YAML, Markdown, invalid UTF-8, CR, BOM) to random bytes.
 * CHECK's robustness test covers arbitrary *text*; this one covers bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLibrary, INTERNAL_ERROR } from '../../src/check/run.js';
import { defaultConfig } from '../../src/config.js';
import { findMentions } from '../../src/link/mentions.js';
import { isReadFailure } from '../../src/read/index.js';
import { parseNote } from '../../src/read/parse.js';
import type { ReadFailure, WholeNote as Note } from '../../src/types.js';
import { FRAGMENTS } from '../../scripts/fuzz.js';
import { HOSTILE } from './cli.js';
import { wholeBodies } from '../../src/read/bodies.js';

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

const fragment = fc.constantFrom(...FRAGMENTS).map((f) => (typeof f === 'string' ? new TextEncoder().encode(f) : Uint8Array.from(f)));
const noteLikeBytes = fc
  .array(fc.oneof(fragment, fc.uint8Array({ maxLength: 24 }), fc.constant(new TextEncoder().encode('---\ntitle: x\nauthor: y\n---\n'))), { maxLength: 24 })
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

/** Reads and lints `files`; checks the invariants of every result and returns nothing. */
function readAndLint(files: Uint8Array[]): void {
  const notes: Note[] = [];
  const failures: ReadFailure[] = [];
  files.forEach((bytes, i) => {
    const result = parseNote({ path: `n${i}.md`, bytes }, defaultConfig);
    if (isReadFailure(result)) {
      expect(result.diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(result.diagnostic.column).toBeGreaterThanOrEqual(1);
      expect(result.diagnostic.ruleId).toMatch(/^file-/);
      failures.push(result);
      return;
    }
    expect(result.source).not.toMatch(/[\r\0]/);
    expect(result.source.startsWith('\uFEFF')).toBe(false);
    if (!Buffer.from(bytes).includes(REPLACEMENT_UTF8)) expect(result.source).not.toContain('\uFFFD');
    notes.push(result);
  });
  const bodies = wholeBodies(notes);
  const mentions = findMentions(notes, [], bodies);
  const diagnostics = checkLibrary({ notes, bodies, failures, concepts: [], mentions, config: defaultConfig });
  expect(diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
  for (const d of diagnostics) expect(d.line, `${d.ruleId} on ${d.file}`).toBeGreaterThanOrEqual(1);
}

describe('any bytes as a note', () => {
  it('should never throw out of the reader or the linter for random bytes', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 4 }), readAndLint), { numRuns: 300, seed: 7 });
  });

  it('should never throw out of the reader or the linter for note-like bytes with hostile fragments', () => {
    fc.assert(fc.property(fc.array(noteLikeBytes, { minLength: 1, maxLength: 4 }), readAndLint), { numRuns: 400, seed: 11 });
  });

  it('should give the same note for LF, CRLF and lone-CR versions of any text, BOM or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/[\r\u0000]/g, '')), fc.boolean(), (text, bom) => {
        const read = (t: string): Note | ReadFailure => parseNote({ path: 'n.md', bytes: new TextEncoder().encode((bom ? '\uFEFF' : '') + t) }, defaultConfig);
        const lf = read(`---\ntitle: x\n---\n${text}`);
        for (const variant of [read(`---\r\ntitle: x\r\n---\r\n${text.replace(/\n/g, '\r\n')}`), read(`---\rtitle: x\r---\r${text.replace(/\n/g, '\r')}`)]) {
          if (isReadFailure(lf) || isReadFailure(variant)) {
            expect(isReadFailure(variant)).toBe(isReadFailure(lf));
            continue;
          }
          expect(variant.source).toBe(lf.source);
          expect(variant.frontmatter?.data).toEqual(lf.frontmatter?.data);
          expect(variant.sections).toEqual(lf.sections);
          expect(variant.text).toBe(lf.text);
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('front-matter data', () => {
  it('should refuse the 9x9 alias bomb in well under a second, before building any value', () => {
    const bytes = new Uint8Array(readFileSync(path.join(HOSTILE, 'bad', 'yaml-alias-bomb.md')));
    const started = Date.now();
    const note = parseNote({ path: 'bomb.md', bytes }, defaultConfig);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(isReadFailure(note)).toBe(false);
    if (isReadFailure(note)) return;
    expect(note.frontmatter?.problems.map((p) => p.kind)).toContain('alias');
    expect(JSON.stringify(note.frontmatter?.data ?? null).length).toBeLessThan(10_000);
  });

  it('should keep __proto__ and constructor as plain keys and pollute no prototype', () => {
    const note = parseNote({ path: 'proto.md', bytes: new TextEncoder().encode('---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: x\n---\nBody.\n') }, defaultConfig);
    expect(isReadFailure(note)).toBe(false);
    if (isReadFailure(note)) return;
    const data = note.frontmatter!.data!;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'title']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(note.meta.title).toBe('x');
  });
});
