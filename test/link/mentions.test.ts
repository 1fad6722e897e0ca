import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/link/glossary.js';
import { findMentions } from '../../src/link/mentions.js';
import type { Mention, WholeNote } from '../../src/types.js';
import { LIBRARY_FILES, note, readFixture } from './helpers.js';
import { wholeBodies } from '../../src/read/bodies.js';

const glossary = parseGlossary(`
- name: Conway's law
  definition: Systems copy org charts.
- name: Single-threaded leader
  definition: One leader, one initiative.
- name: Product-market fit
  definition: A good market and a product for it.
- name: Market
  definition: Buyers.
`).concepts;

const brief = (m: Mention) => `${m.kind}:${m.target} "${m.text}" ${m.line}:${m.column}${m.linked ? ' linked' : ''}`;
const mentionsOf = (body: string, others: WholeNote[] = []): string[] => {
  const subject = note('subject.md', 'title: Subject note', body);
  return findMentions([subject, ...others], glossary, wholeBodies([subject, ...others])).get(subject.id)!.map(brief);
};
// The body starts on line 8 of the generated note (6 front-matter lines, a blank line).
const L = 8;

describe('findMentions', () => {
  it('should find concepts case-insensitively with line and column', () => {
    expect(mentionsOf('We met CONWAY’S LAW again.')).toEqual([`concept:conways-law "CONWAY’S LAW" ${L}:8`]);
  });

  it('should match plural, possessive, hyphen and space variants', () => {
    expect(mentionsOf("Single threaded leaders and a single-threaded leader's team.")).toEqual([
      `concept:single-threaded-leader "Single threaded leaders" ${L}:1`,
      `concept:single-threaded-leader "single-threaded leader's" ${L}:31`,
    ]);
  });

  it('should let the longest phrase win where concepts overlap', () => {
    expect(mentionsOf('Product-market fit, then the market.')).toEqual([
      `concept:product-market-fit "Product-market fit" ${L}:1`,
      `concept:market "market" ${L}:30`,
    ]);
  });

  it('should match a phrase across emphasis but not across inline code', () => {
    expect(mentionsOf("*Conway's* law, and `Conway's` law.")).toEqual([`concept:conways-law "Conway's* law" ${L}:2`]);
  });

  it('should ignore code blocks, inline code, headings, images, HTML and bare URLs', () => {
    const body = [
      '## Market heading',
      '',
      '```',
      'market in code',
      '```',
      '',
      'Inline `market` code, ![market](m.png), <!-- market -->, https://example.com/market and www.example.com/market.',
    ].join('\n');
    expect(mentionsOf(body)).toEqual([]);
  });

  it('should mark mentions inside links and wikilinks as linked, and scan only a wikilink target', () => {
    expect(mentionsOf("See [the market](https://example.com), [[Conway's law|market]] and [[Conway's law#Market]]. Market.")).toEqual([
      `concept:market "market" ${L}:10 linked`,
      `concept:conways-law "Conway's law" ${L}:42 linked`,
      `concept:conways-law "Conway's law" ${L}:70 linked`,
      `concept:market "Market" ${L}:93`,
    ]);
  });

  it('should not treat an autolink as prose', () => {
    expect(mentionsOf('<https://example.com/market> and https://market.example.com')).toEqual([]);
  });

  it('should find other notes by title and alias, never the note itself', () => {
    const other = note('other.md', 'title: The Mythical Man-Month\naliases: [Brooks law book]', 'Text.');
    expect(mentionsOf('The mythical man-months of Subject note and the Brooks law book.', [other])).toEqual([
      `note:other "The mythical man-months" ${L}:1`,
      `note:other "Brooks law book" ${L}:49`,
    ]);
  });

  it('should consume the note’s own title so no shorter phrase is found inside it', () => {
    const subject = note('pmf.md', 'title: Market leadership', 'Market leadership is a market thing.');
    const found = findMentions([subject], glossary, wholeBodies([subject])).get(subject.id)!.map(brief);
    expect(found).toEqual([`concept:market "market" ${L}:24`]);
  });

  it('should skip titles made only of stop words', () => {
    const other = note('it.md', 'title: It', 'Text.');
    expect(mentionsOf('It is what it is.', [other])).toEqual([]);
  });

  it('should record the section of each mention', () => {
    const body = 'The market.\n\n## Central argument\n\nA market.\n\n### Aside\n\nMarket.\n\n## Other heading\n\nMarket.\n\n## Critique\n\nMarket.';
    const subject = note('s.md', 'title: S', body);
    const sections = findMentions([subject], glossary, wholeBodies([subject])).get(subject.id)!.map((m) => m.section);
    expect(sections).toEqual(['summary', 'centralArgument', 'centralArgument', null, 'critique']);
  });

  it('should give offsets that slice the mention out of the source', () => {
    const subject = note('s.md', 'title: S', 'One **Conway’s law** and a \\*market\\*.');
    for (const m of findMentions([subject], glossary, wholeBodies([subject])).get(subject.id)!) {
      expect(subject.source.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('should find the expected mentions in the fixture library', () => {
    const { notes, concepts } = readFixture('library', LIBRARY_FILES);
    const found = findMentions(notes, concepts, wholeBodies(notes));
    expect(found.get('single-threaded-model' as never)!.map(brief)).toEqual([
      'concept:single-threaded-leader "single-threaded leader" 10:28',
      'note:conways-law "How Do Committees Invent" 10:138 linked',
      'concept:conways-law "Conway\'s law" 10:172 linked',
      'concept:single-threaded-leader "Single-threaded leaders" 14:103',
      'concept:conways-law "Conway\'s law" 14:178',
      'concept:single-threaded-leader "single-threaded leader\'s" 18:64',
      'note:conways-law "committees paper" 18:149 linked',
    ]);
    const pmf = found.get('product-market-fit' as never)!.map(brief);
    expect(pmf).toContain('note:single-threaded-model "Amazon\'s single-threaded model" 22:94');
    expect(pmf).toContain('concept:single-threaded-leader "single threaded leaders" 26:58 linked');
    expect(pmf.some((m) => m.includes('note:product-market-fit'))).toBe(false);
  });

  it('should stay linear on a hostile long line', () => {
    const subject = note('s.md', 'title: S', `${'market '.repeat(20_000)}[[${'a'.repeat(50_000)}!`);
    const started = performance.now();
    const found = findMentions([subject], glossary, wholeBodies([subject])).get(subject.id)!;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(found).toHaveLength(20_000);
  });
});
