import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, resolveConfig } from '../../src/config.js';
import { decode } from '../../src/read/decode.js';
import { parsePlainText, splitAuthors, type PlainParse } from '../../src/import/plaintext.js';

const parseFixture = (name: string, config = defaultConfig): PlainParse => {
  const decoded = decode(readFileSync(`test/fixtures/import/${name}`));
  if (!decoded.ok) throw new Error(decoded.message);
  return parsePlainText(decoded.text, config);
};

const seedText = readFileSync('test/fixtures/import/seed-single-threaded-model.txt', 'utf8');
const seedParagraphs = seedText.split('\n\n').map((p) => p.trim());

describe('parsePlainText', () => {
  it('should read the seed: metadata, four summary paragraphs in order, three sections with their text', () => {
    const parsed = parseFixture('seed-single-threaded-model.txt');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.note.fields).toEqual({
      title: "Amazon's Single-Threaded Model",
      authors: ['Pedro Gallego'],
      year: 2020,
      source: 'https://pedrodelgallego.github.io/blog/amazon/single-threaded-model/',
      venue: 'Personal blog',
      kind: 'essay',
      tags: [],
      concepts: [],
    });
    expect(parsed.note.summary).toEqual(seedParagraphs.slice(4, 8));
    expect(parsed.note.sections).toEqual([
      { heading: 'Central argument', paragraphs: [seedParagraphs[9]] },
      { heading: 'Critique', paragraphs: [seedParagraphs[11]] },
      { heading: 'Why it matters for product', paragraphs: [seedParagraphs[13]] },
    ]);
  });

  it('should read CRLF, a | separator, any-case section lines with a colon, a header kind and several authors', () => {
    const parsed = parseFixture('variants-crlf-pipe.txt');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.note.fields).toMatchObject({ title: 'Team Topologies', authors: ['Matthew Skelton', 'Manuel Pais'], year: 2019, venue: 'IT Revolution Press', kind: 'book', source: 'https://teamtopologies.com/book' });
    expect(parsed.note.summary).toHaveLength(2);
    expect(parsed.note.summary[0]).toBe('A book on organising software teams around the flow of change.\nIt names four team types and three interaction modes.');
    expect(parsed.note.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      ['Central argument', 1],
      ['Critique', 2],
      ['Why it matters For Engineering', 1],
    ]);
  });

  it('should default kind to essay without a header, and take a heading glued to its text', () => {
    const parsed = parseFixture('variants-no-header.txt');
    expect(parsed.ok && parsed.note.fields).toMatchObject({ title: 'How Do Committees Invent?', authors: ['Melvin Conway'], year: 1968, venue: 'Datamation', kind: 'essay' });
    expect(parsed.ok && parsed.note.sections.map((s) => s.heading)).toEqual(['Central argument', 'Critique', 'Why it matters']);
    expect(parsed.ok && parsed.note.sections.every((s) => s.paragraphs.length === 1)).toBe(true);
  });

  it.each([
    ['2020·Personal blog', 2020, 'Personal blog'],
    ['2020 · Personal blog', 2020, 'Personal blog'],
    ['2020-Personal blog', 2020, 'Personal blog'],
    ['2020 | Personal blog', 2020, 'Personal blog'],
    ['2020,Personal blog', 2020, 'Personal blog'],
    ['2020 — Personal blog', 2020, 'Personal blog'],
    ['2020', 2020, null],
  ])('should read the year line %j', (line, year, venue) => {
    const text = `Title\n\nAuthor\n${line}\nSource: https://e.example/\n\nSummary.\n\nCentral argument\n\nA.\n\nCritique\n\nB.\n\nWhy it matters\n\nC.\n`;
    const parsed = parsePlainText(text, defaultConfig);
    expect(parsed.ok && [parsed.note.fields.year, parsed.note.fields.venue]).toEqual([year, venue]);
  });

  it('should keep a summary sentence that starts like a section heading as text', () => {
    const text = 'T\n\nA\n2020\nSource: https://e.example/\n\nWhy it matters that teams own services is covered below.\n\nCentral argument\n\nA.\n\nCritique\n\nB.\n\nWhy it matters\n\nC.\n';
    const parsed = parsePlainText(text, defaultConfig);
    expect(parsed.ok && parsed.note.summary).toEqual(['Why it matters that teams own services is covered below.']);
  });

  it('should recognise a section the config adds', () => {
    const config = resolveConfig({ sections: [...defaultConfig.sections, { key: 'quotes', heading: 'Quotes', allowSuffix: false }] });
    const text = 'T\n\nA\n2020\nSource: https://e.example/\n\nSummary.\n\nCentral argument\n\nA.\n\nCritique\n\nB.\n\nWhy it matters\n\nC.\n\nquotes\n\n"D."\n';
    const parsed = parsePlainText(text, config);
    expect(parsed.ok && parsed.note.sections.map((s) => s.heading)).toEqual(['Central argument', 'Critique', 'Why it matters', 'Quotes']);
  });

  it.each([
    ['no-title.txt', [/^no title/]],
    ['no-sections.txt', [/^no section lines: expected lines that are only "Central argument", "Critique", "Why it matters"/]],
    ['missing-metadata.txt', [/^line 1: kind "podcast" is not one of/, /^line 5: source "ftp:\/\/example.com\/x" must be an http\(s\) URL/, /^no author line/, /^no year line/]],
  ])('should refuse %s saying what is missing', (name, messages) => {
    const parsed = parseFixture(name);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(messages.length);
    messages.forEach((message, i) => expect(parsed.problems[i]).toMatch(message));
  });

  it('should refuse a file missing one required section, naming it', () => {
    const parsed = parsePlainText('T\n\nA\n2020\nSource: https://e.example/\n\nS.\n\nCentral argument\n\nA.\n\nWhy it matters\n\nC.\n', defaultConfig);
    expect(parsed).toEqual({ ok: false, problems: ['missing section line(s): "Critique"'] });
  });
});

describe('splitAuthors', () => {
  it.each([
    ['Pedro Gallego', ['Pedro Gallego']],
    ['Matthew Skelton & Manuel Pais', ['Matthew Skelton', 'Manuel Pais']],
    ['A, B and C', ['A', 'B', 'C']],
    ['Anderson; Sandy', ['Anderson', 'Sandy']],
    ['Alexander Andersen', ['Alexander Andersen']],
  ])('should split %j into %j', (line, authors) => {
    expect(splitAuthors(line)).toEqual(authors);
  });
});
