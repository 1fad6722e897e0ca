import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { stem } from '../../src/link/text/stem.js';
import { bagTerms, termBag } from '../../src/link/text/term-bag.js';
import { isReadFailure, MAX_TREE_DEPTH, noteFromText, noteIdOf, parseNote } from '../../src/read/parse.js';
import { rankingText } from '../../src/read/ranking-text.js';
import type { WholeNote as Note } from '../../src/types.js';
import { fixture, fixtureInput } from './helpers.js';

const read = (rel: string): Note => {
  const result = parseNote(fixtureInput(rel), defaultConfig);
  if (isReadFailure(result)) throw new Error(result.diagnostic.message);
  return result;
};

/** Everything a later stage uses, minus what legitimately differs between encodings of one note. */
const data = (note: Note) => {
  const { id, path, hash, bytes, eol, hadBom, ...rest } = note;
  return rest;
};

describe('parseNote: the Note model', () => {
  const note = read('notes/good.md');

  it('should take the id from the file name and hash the raw bytes', () => {
    expect(note.id).toBe('good');
    expect(note.hash).toBe(createHash('sha256').update(fixture('notes/good.md')).digest('hex'));
    expect(note.bytes).toBe(fixture('notes/good.md').length);
    expect(noteIdOf('deep/folder/Some Note.md')).toBe('Some Note');
    expect(noteIdOf('cafe\u0301.md')).toBe('caf\u00e9');
  });

  it('should read the summary between the front matter and the first heading', () => {
    expect(note.summary).toMatchObject({ line: 12, column: 1, endLine: 15, endColumn: 38 });
    expect(note.summary?.text).toMatch(/^Graham's essay on why makers/);
    expect(note.summary?.text).toContain('\n\nIt is short, and it still reads well.');
    expect(note.summary?.wordCount).toBe(33);
  });

  it('should read every section with its key, depth, offsets, lines and words', () => {
    expect(note.sections.map((s) => [s.heading, s.key, s.depth, s.line, s.bodyLine, s.bodyEndLine])).toEqual([
      ['Central argument', 'centralArgument', 2, 17, 19, 19],
      ['Critique', 'critique', 2, 21, 23, 27],
      ['Why it matters for product', 'whyItMatters', 2, 29, 31, 33],
    ]);
    const critique = note.sections[1]!;
    expect(note.source.slice(critique.headingStart, critique.headingEnd)).toBe('## Critique');
    expect(critique.text).not.toContain('not a wikilink');
    expect(critique.wordCount).toBe(49);
  });

  it('should find wikilinks with positions, but not inside code', () => {
    expect(note.wikilinks).toEqual([
      { target: 'Deep work', label: null, heading: null, line: 12, column: 116, endLine: 12, endColumn: 129 },
      { target: 'The Mythical Man-Month', label: 'Brooks', heading: null, line: 12, column: 134, endLine: 12, endColumn: 167 },
    ]);
  });

  it('should list Markdown links, directives and raw HTML', () => {
    expect(note.links).toEqual([{ url: 'https://paulgraham.com/makersschedule.html', type: 'link', line: 19, column: 239, endLine: 19, endColumn: 299 }]);
    expect(note.directives).toEqual([{ action: 'disable-next-line', ruleIds: ['placeholder'], line: 14 }]);
    expect(note.html).toEqual([{ line: 33, column: 1, endLine: 33, endColumn: 33 }]);
  });

  it('should give plain body text without front matter, code or HTML', () => {
    expect(note.text.startsWith("Graham's essay")).toBe(true);
    expect(note.text).not.toMatch(/title:|not a wikilink|<div|raw html|commonplace-disable/);
    expect(note.text).toContain('\n\nCentral argument\n\n');
    // summary 33 + central 47 + critique 49 + why 30 + heading words 2 + 1 + 5 (counted by hand)
    expect(note.wordCount).toBe(167);
  });

  it('should analyse the ranking text (title, summary, sections) into the note\'s term bag', () => {
    expect(note.termBag).toEqual(termBag(rankingText(note)));
    expect(bagTerms(note.termBag)).toContain(stem('essay'));
    expect(note.termBag.length).toBe(note.termBag.counts.reduce((sum, n) => sum + n, 0));
  });

  it('should give identical data for the LF, CRLF, lone-CR and BOM copies', () => {
    const lf = data(note);
    for (const copy of ['notes/good-crlf.md', 'notes/good-cr.md', 'notes/good-bom.md']) {
      expect(data(read(copy))).toEqual(lf);
    }
    expect(read('notes/good-crlf.md')).toMatchObject({ eol: '\r\n', hadBom: false });
    expect(read('notes/good-bom.md')).toMatchObject({ eol: '\n', hadBom: true });
    expect(read('notes/good-bom.md').source.includes('\uFEFF')).toBe(false);
  });
});

describe('parseNote: sections and links in detail', () => {
  it('should match section headings case- and space-insensitively, with a suffix only where allowed', () => {
    const note = noteFromText('x.md', '# Title\n\n##  central   ARGUMENT\n\na\n\n## Critique of it\n\nb\n\n## Why it matters: teams\n\nc\n\n## Why it mattersmost\n');
    expect(note.sections.map((s) => [s.heading, s.key])).toEqual([
      ['Title', null],
      ['central   ARGUMENT', 'centralArgument'],
      ['Critique of it', null],
      ['Why it matters: teams', 'whyItMatters'],
      ['Why it mattersmost', null],
    ]);
  });

  it('should run a section to the next heading of its level, sub-headings included', () => {
    const note = noteFromText('x.md', '## Critique\n\none two\n\n### Detail\n\nthree\n\n## Next\n');
    expect(note.sections[0]).toMatchObject({ heading: 'Critique', text: 'one two\n\nDetail\n\nthree', wordCount: 4, bodyLine: 3, bodyEndLine: 7 });
    expect(note.sections[1]).toMatchObject({ heading: 'Detail', depth: 3, text: 'three' });
    expect(note.sections[2]).toMatchObject({ heading: 'Next', text: '', wordCount: 0, bodyLine: 0, bodyEndLine: 0 });
  });

  it('should read wikilink headings and labels, and skip escaped or empty ones', () => {
    const note = noteFromText('x.md', 'See [[A#Part|the part]], [[B#Only]], \\[[C]], [[ ]] and `[[D]]`.\n');
    expect(note.wikilinks.map((w) => [w.target, w.heading, w.label])).toEqual([
      ['A', 'Part', 'the part'],
      ['B', 'Only', null],
    ]);
  });

  it('should read all three directive forms and several rule ids', () => {
    const note = noteFromText('x.md', '<!-- commonplace-disable a, b -->\n\ntext <!-- commonplace-enable -->\n\n<!-- commonplace-disable-next-line c -->\n<!-- other comment -->\n');
    expect(note.directives).toEqual([
      { action: 'disable', ruleIds: ['a', 'b'], line: 1 },
      { action: 'enable', ruleIds: [], line: 3 },
      { action: 'disable-next-line', ruleIds: ['c'], line: 5 },
    ]);
    expect(note.html).toEqual([]);
  });

  it('should list images and definitions as links', () => {
    const note = noteFromText('x.md', '![alt](pic.png) [ref]\n\n[ref]: https://example.com\n');
    expect(note.links.map((l) => [l.type, l.url])).toEqual([
      ['image', 'pic.png'],
      ['definition', 'https://example.com'],
    ]);
    expect(note.text).toBe('alt ref');
  });

  it('should throw from noteFromText when the text is not a note', () => {
    expect(() => noteFromText('x.md', '')).toThrow('x.md: file is empty');
  });
});

describe('parseNote: hostile input', () => {
  it('should turn a parser stack overflow into a per-file failure', () => {
    // 10,000 nested quotes overflow micromark's stack after a couple of seconds.
    const result = parseNote({ path: 'deep.md', bytes: new TextEncoder().encode('>'.repeat(10_000) + ' a') }, defaultConfig);
    expect(isReadFailure(result) && result.diagnostic).toMatchObject({ ruleId: 'file-parse-overflow', file: 'deep.md', line: 1, column: 1 });
    expect(isReadFailure(result) && result.diagnostic.message).toContain('too deeply nested to parse');
  });

  it('should read 2,000 nested quotes or fail cleanly, never throw', () => {
    const result = parseNote({ path: 'q.md', bytes: new TextEncoder().encode('>'.repeat(2000) + ' a') }, defaultConfig);
    if (isReadFailure(result)) expect(result.diagnostic.ruleId).toBe('file-parse-overflow');
    else expect(result.text).toBe('a');
  });

  it('should turn decoding problems into failures that name the file', () => {
    const result = parseNote(fixtureInput('decode/png.md'), defaultConfig);
    expect(isReadFailure(result) && result.diagnostic).toMatchObject({ ruleId: 'file-not-utf8', file: 'png.md', severity: 'error' });
  });

  it('should never throw, and never let U+FFFD in, for any byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parseNote({ path: 'fuzz.md', bytes }, defaultConfig);
        if (isReadFailure(result)) {
          expect(result.diagnostic.ruleId).toMatch(/^file-/);
        } else {
          expect(result.source.includes('\uFFFD')).toBe(false);
          expect(JSON.parse(JSON.stringify(result.frontmatter))).toBeDefined();
        }
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it('should never throw for Markdown-ish text with front matter', () => {
    const piece = fc.constantFrom('---', '---js', '\n', '\r', '\r\n', '[[', ']]', '|', '#', '## ', '> ', '* ', '_', '`', '```', '<!--', '-->', 'commonplace-disable', 'a: b', '&x', '*y', '[x](javascript:y)', '<div>', '\t', ' ', 'word');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = parseNote({ path: 'fuzz.md', bytes: new TextEncoder().encode(pieces.join('')) }, defaultConfig);
        expect(isReadFailure(result) || typeof result.text === 'string').toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('parseNote on deeply nested Markdown', () => {
  const front = '---\ntitle: Deep\n---\n\n';
  it('should refuse a tree nested deeper than MAX_TREE_DEPTH as file-parse-overflow', () => {
    const result = parseNote({ path: 'deep.md', bytes: new TextEncoder().encode(`${front}${'>'.repeat(MAX_TREE_DEPTH + 10)} a\n`) }, defaultConfig);
    expect(isReadFailure(result)).toBe(true);
    if (isReadFailure(result)) expect(result.diagnostic.ruleId).toBe('file-parse-overflow');
  });
  it('should accept nesting well inside the limit', () => {
    const result = parseNote({ path: 'ok.md', bytes: new TextEncoder().encode(`${front}${'>'.repeat(20)} a\n`) }, defaultConfig);
    expect(isReadFailure(result)).toBe(false);
  });
});
