import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/link/glossary.js';
import { computeBacklinks, createLinkResolver, resolveLinks } from '../../src/link/resolve.js';
import type { Link, NoteId } from '../../src/types.js';
import { LIBRARY_FILES, note, readFixture } from './helpers.js';

const concepts = parseGlossary(`
- name: Conway's law
  aliases: [sociotechnical mirroring]
  definition: Systems copy org charts.
- name: Technical debt
  definition: Deferred cost.
`).concepts;
const notes = [
  note('conway.md', 'title: How Do Committees Invent?\naliases: [Committees paper]', 'Text.'),
  note('sub/stl.md', "title: Amazon's Single-Threaded Model", 'Text.'),
  note('debt.md', 'title: Technical Debt', 'Text.'),
  note('twin-b.md', 'title: Twin', 'Text.'),
  note('twin-a.md', 'title: twin', 'Text.'),
];
const resolver = createLinkResolver(notes, concepts);
const from = 'stl' as NoteId;

describe('createLinkResolver', () => {
  it.each([
    ['How Do Committees Invent?', 'note', 'conway'],
    ['how do committees invent?', 'note', 'conway'],
    ['Committees paper', 'note', 'conway'],
    ['conway', 'note', 'conway'],
    ['sub/stl', 'note', 'stl'],
    ['STL', 'note', 'stl'],
    ["Conway's law", 'concept', 'conways-law'],
    ['Conway’s Laws', 'concept', 'conways-law'],
    ['sociotechnical mirroring', 'concept', 'conways-law'],
    ['conways-law', 'concept', 'conways-law'],
    ['amazon’s single threaded model', 'note', 'stl'],
    ['Technical Debt', 'note', 'debt'],
    ['Twin', 'note', 'twin-a'],
  ])('should resolve [[%s]] to the %s %s', (target, kind, to) => {
    expect(resolver.wikilink(target, from)).toEqual({ kind, to });
  });

  it('should prefer a note over a concept with the same name', () => {
    expect(resolver.wikilink('technical debt', from)).toEqual({ kind: 'note', to: 'debt' });
  });

  it('should return null for a target that names nothing', () => {
    expect(resolver.wikilink('Nowhere', from)).toBeNull();
  });

  it.each([
    ['../conway.md', 'conway'],
    ['../conway.md#critique', 'conway'],
    ['./../debt.md?x=1', 'debt'],
    ['/sub/stl.md', 'stl'],
    ['stl.md', 'stl'],
    ['STL.MD', 'stl'],
    ['../twin%2Da.md', 'twin-a'],
  ])('should resolve the Markdown link %s from sub/stl.md to %s', (url, to) => {
    expect(resolver.href(url, 'sub/stl.md')).toEqual({ kind: 'note', to });
  });

  it.each(['https://example.com/conway.md', 'mailto:a@b.c', '#critique', '//host/x.md', 'image.png', 'javascript:alert(1)'])(
    'should not treat %s as a note link',
    (url) => {
      expect(resolver.href(url, 'sub/stl.md')).toBeUndefined();
    },
  );

  it('should return null for a Markdown link to a missing note or outside the library', () => {
    expect(resolver.href('missing.md', 'sub/stl.md')).toBeNull();
    expect(resolver.href('../../etc/passwd.md', 'sub/stl.md')).toBeNull();
  });
});

describe('resolveLinks and computeBacklinks', () => {
  it('should resolve the fixture library’s wikilinks and Markdown links with positions', () => {
    const library = readFixture('library', LIBRARY_FILES);
    const { links, unresolved } = resolveLinks(library.notes, library.concepts);
    const brief = (l: Link) => `${l.via} ${l.kind}:${l.to} ${l.line}:${l.column}`;
    expect(links.get('single-threaded-model' as NoteId)!.map(brief)).toEqual([
      'wikilink note:conways-law 10:136',
      'wikilink concept:conways-law 10:170',
      'markdown note:conways-law 18:148',
    ]);
    expect(links.get('product-market-fit' as NoteId)!.map(brief)).toEqual([
      'markdown note:single-threaded-model 22:171',
      'wikilink concept:single-threaded-leader 26:56',
    ]);
    expect(links.get('conways-law' as NoteId)).toEqual([]);
    expect(unresolved).toEqual([
      { from: 'product-market-fit', via: 'wikilink', target: 'Nowhere', line: 22, column: 216, endLine: 22, endColumn: 227 },
    ]);

    const backlinks = computeBacklinks([...links.values()].flat());
    expect(Object.fromEntries(backlinks.notes)).toEqual({
      'conways-law': ['single-threaded-model'],
      'single-threaded-model': ['product-market-fit'],
    });
    expect(Object.fromEntries(backlinks.concepts)).toEqual({
      'conways-law': ['single-threaded-model'],
      'single-threaded-leader': ['product-market-fit'],
    });
  });

  it('should leave self-links out of backlinks and list each linking note once, sorted', () => {
    const link = (fromId: string, to: string): Link => ({ from: fromId as NoteId, to, kind: 'note', via: 'wikilink', line: 1, column: 1, endLine: 1, endColumn: 1 });
    const { notes: back } = computeBacklinks([link('b', 'a'), link('a', 'a'), link('c', 'a'), link('b', 'a'), link('B', 'a')]);
    expect(back.get('a' as NoteId)).toEqual(['B', 'b', 'c']);
  });
});
