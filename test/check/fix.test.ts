import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../src/check/example-note.js';
import { applyFixes, fixFile, rawOffsets } from '../../src/check/fix.js';
import { defaultConfig } from '../../src/config.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const fix = (text: string) => fixFile({ path: 'n.md', bytes: bytes(text) }, defaultConfig);

/** A note with every fixable problem: key order, heading level and spelling, trailing whitespace. */
const messy = (eol: string) =>
  exampleNote({
    frontmatter: 'year: 2020\nauthor: Pedro Gallego   \ntitle: A messy note\nsource: https://example.com/messy',
    body: `### central argument\n\n${T.centralArgument} \n\n## CRITIQUE\n\n${T.critique}\n\n#  why it matters\t\n\n${T.whyItMatters}\n`,
  }).replace(/\n/g, eol);

const clean = (eol: string) =>
  exampleNote({
    frontmatter: 'title: A messy note\nauthor: Pedro Gallego\nyear: 2020\nsource: https://example.com/messy',
    body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${T.critique}\n\n##  Why it matters\n\n${T.whyItMatters}\n`,
  }).replace(/\n/g, eol);

describe('applyFixes', () => {
  it('should apply fixes in offset order and skip one that overlaps an earlier one', () => {
    expect(applyFixes('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 2, text: 'AB' }, { start: 1, end: 3, text: 'x' }])).toEqual({ text: 'ABcdEf', applied: 2 });
  });
});

describe('rawOffsets', () => {
  it('should map normalised offsets onto a BOM, CRLF and lone-CR text', () => {
    expect(rawOffsets('\uFEFFa\r\nb\rc', 'a\nb\nc')).toEqual([1, 2, 4, 5, 6, 7]);
    expect(rawOffsets('a\r\nb', 'a\nc')).toBeNull();
  });
});

describe('fixFile', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`should fix every safe problem in a ${name} note and keep its line endings`, () => {
      const result = fix(messy(eol));
      expect(result.text).toBe(clean(eol));
      expect(result.applied).toBeGreaterThan(0);
    });
  }

  it('should keep the BOM and be idempotent', () => {
    const once = fix(`\uFEFF${messy('\r\n')}`);
    expect(once.text).toBe(`\uFEFF${clean('\r\n')}`);
    expect(fix(once.text!)).toEqual({ text: once.text, applied: 0 });
  });

  it('should leave the other line endings of a mixed file alone', () => {
    const input = exampleNote().replace('## Critique\n', '## critique \r\n').replace('## Why it matters\n', '## Why it matters\r\n');
    expect(fix(input).text).toBe(input.replace('## critique \r\n', '## Critique\r\n'));
  });

  // README "Lint output": --fix changes no other byte, line endings kept (issue 20, item 9).
  it('should keep every line ending of a mixed file when it reorders front-matter keys', () => {
    const input = exampleNote({ frontmatter: 'year: 2020\ntitle: A\nauthor: B\nsource: https://example.com/x' }).replace('year: 2020\n', 'year: 2020\r\n').replace('---\n', '---\r\n');
    const fixed = fix(input).text ?? '';
    expect(fixed.startsWith('---\r\ntitle: A\r\nauthor: B\nyear: 2020\nsource: https://example.com/x\n---\n')).toBe(true);
    expect(fixed.split('\r\n')).toHaveLength(input.split('\r\n').length);
    expect(fixed.slice(fixed.indexOf('\n---\n'))).toBe(input.slice(input.indexOf('\n---\n')));
  });

  it('should return null text for a file that is not UTF-8', () => {
    expect(fixFile({ path: 'x.md', bytes: new Uint8Array([0xff, 0xfe, 0x00]) }, defaultConfig)).toEqual({ text: null, applied: 0 });
  });
});

// Generated notes: fixable problems mixed into valid structure, any line ending, with or without a BOM.
const word = fc.constantFrom('leader', 'team', 'focus', 'Amazon', 'ship', 'scale', 'cost', 'model', 'the', 'a');
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`);
const trailing = fc.constantFrom('', '', ' ', '  ', '\t', ' \t ');
const heading = (text: string) =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean(), trailing)
    .map(([depth, upper, spaced, tail]) => `${'#'.repeat(depth)} ${spaced ? text.replace(' ', '   ') : text}`.replace(/\w/, (c) => (upper ? c.toLowerCase() : c)) + tail);
const field = fc.constantFrom('title: Generated note', 'author: [A, B]', 'year: 2020', 'source: https://example.com/g', 'venue: Blog', 'tags: [x, y]', 'zeta: kept');
const generatedNote = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    fields: fc.uniqueArray(field, { minLength: 1, maxLength: 7 }),
    fieldTails: fc.array(trailing, { minLength: 7, maxLength: 7 }),
    headings: fc.tuple(heading('Central argument'), heading('Critique'), heading('Why it matters for teams')),
    paragraphs: fc.array(fc.tuple(sentence, trailing), { minLength: 3, maxLength: 3 }),
  })
  .map(({ eol, bom, fields, fieldTails, headings, paragraphs }) => {
    const fm = fields.map((f, i) => f + (fieldTails[i] ?? '')).join('\n');
    const body = headings.map((h, i) => `${h}\n\n${paragraphs[i]![0]}${paragraphs[i]![1]}\n`).join('\n');
    return { eol, text: (bom ? '\uFEFF' : '') + `---\n${fm}\n---\n\nSummary ${paragraphs[0]![0]}\n\n${body}`.replace(/\n/g, eol) };
  });

const fold = (line: string) => line.replace(/^#+/, '').replace(/\s+/g, ' ').trim().toLowerCase();

describe('fixFile properties', () => {
  it('should be idempotent: a second pass changes nothing', () => {
    fc.assert(
      fc.property(generatedNote, ({ text }) => {
        const once = fix(text).text!;
        expect(fix(once)).toEqual({ text: once, applied: 0 });
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('should change only the fixed bytes: same BOM, line endings, line count, body text and field lines', () => {
    fc.assert(
      fc.property(generatedNote, ({ eol, text }) => {
        const fixed = fix(text).text!;
        expect(fixed.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        const before = text.split(eol);
        const after = fixed.split(eol);
        expect(after).toHaveLength(before.length);
        const close = before.indexOf('---', 1);
        // Front matter: the same lines (trailing whitespace aside), possibly reordered.
        const sorted = (lines: string[]) => lines.map((l) => l.trimEnd()).sort();
        expect(sorted(after.slice(1, close))).toEqual(sorted(before.slice(1, close)));
        // Body: each line unchanged, or trimmed, or a heading with only its level/case/spacing changed.
        before.slice(close).forEach((line, i) => {
          const now = after[close + i]!;
          if (now === line || now === line.trimEnd()) return;
          expect(line.startsWith('#') && now.startsWith('#') && fold(now) === fold(line)).toBe(true);
        });
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
