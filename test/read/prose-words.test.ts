import { describe, expect, it } from 'vitest';
import { noteFromText } from '../../src/read/parse.js';
import { JOINED, LINKED, proseTerms, proseWords } from '../../src/read/prose-words.js';

const note = (body: string) => noteFromText('n.md', `---\ntitle: N\n---\n\n${body}\n`);

/** The words as `term[flags]` with `|` for barriers, runs of barriers shown once. */
function show(body: string): string {
  const words = proseWords(note(body));
  const out = proseTerms(words).map((term, i) => (term === null ? '|' : `${term}${words.flags[i]! & JOINED ? '^' : ''}${words.flags[i]! & LINKED ? '@' : ''}`));
  return out.join(' ').replace(/^\| /, '').replace(/ \|$/, '');
}

describe('proseWords', () => {
  it('should give the normalised words of paragraphs, with exact source offsets', () => {
    const n = note("Conway's *laws* apply.");
    const words = proseWords(n);
    const terms = proseTerms(words).filter((t) => t !== null);
    expect(terms).toEqual(['conway', 'law', 'apply']);
    const i = proseTerms(words).indexOf('law');
    expect(n.source.slice(words.starts[i]!, words.ends[i]!)).toBe('laws');
  });

  it('should leave out headings, code, HTML and URLs, and put barriers where phrases must stop', () => {
    expect(show('# Heading words\n\nOne `code` two https://x.example/a three')).toBe('one | two | three');
    // Inline tags are barriers; the text between them is still prose.
    expect(show('```\ncode block\n```\n\n<b>bold</b> after')).toBe('bold | after');
    expect(show('<div>\nblock html\n</div>\n\nafter')).toBe('after');
    expect(show('first para\n\nsecond para')).toBe('first para | second para');
  });

  it('should flag words inside links and wikilink targets, and hyphen-joined words', () => {
    expect(show('see [the firm](https://x.example) and [[Nature of the Firm|label]] now')).toBe('see | the@ firm@ | and | nature@ of@ the@ firm@ | now');
    expect(show('single-threaded leader')).toBe('single threaded^ leader');
  });

  it('should store each distinct term once', () => {
    const words = proseWords(note('the law and the law'));
    expect(words.vocabulary.split('\n')).toEqual(['the', 'law', 'and']);
    expect(proseTerms(words).filter((t) => t !== null)).toEqual(['the', 'law', 'and', 'the', 'law']);
  });

  it('should treat an autolink as a barrier, not words', () => {
    expect(show('visit <https://example.com> today')).toBe('visit | today');
  });
});
