import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { bibtexChunks } from '../../src/emit/bibtex.js';
import { citationKey, cslJsonChunks, type CslItem } from '../../src/emit/csl.js';
import { splitName } from '../../src/emit/csl-names.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, FIXTURE_LIBRARY, fixtureConfig } from './build-fixture.js';
import { bibtexMismatches, REFERENCES_LIBRARY, validateCsl } from './format-checkers.js';

let library: Library;
let items: CslItem[];
let bib: string;

beforeAll(async () => {
  library = await buildFixtureLibrary(REFERENCES_LIBRARY, fixtureConfig());
  items = JSON.parse([...cslJsonChunks(library)].join('')) as CslItem[];
  bib = [...bibtexChunks(library)].join('');
});

describe('splitName', () => {
  it('should split given, particle, family and suffix, and keep single and CJK names whole', () => {
    expect(splitName('Kurt Gödel')).toEqual({ family: 'Gödel', given: 'Kurt' });
    expect(splitName('Hans Christian Ørsted')).toEqual({ family: 'Ørsted', given: 'Hans Christian' });
    expect(splitName('Vincent van Gogh')).toEqual({ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' });
    expect(splitName('Ludwig van der Rohe')).toEqual({ family: 'Rohe', given: 'Ludwig', 'non-dropping-particle': 'van der' });
    expect(splitName('de la Fuente, Ana')).toEqual({ family: 'Fuente', given: 'Ana', 'non-dropping-particle': 'de la' });
    expect(splitName('King, Jr., Martin Luther')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(splitName('Martin Luther King, Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(splitName('Frederick P. Brooks Jr.')).toEqual({ family: 'Brooks', given: 'Frederick P.', suffix: 'Jr.' });
    expect(splitName('Plato')).toEqual({ family: 'Plato' });
    expect(splitName('王小波')).toEqual({ family: '王小波' });
    expect(splitName('  Paul   Graham ')).toEqual({ family: 'Graham', given: 'Paul' });
  });
});

describe('citationKey', () => {
  it('should keep a plain note id and give any other id an ASCII key with its hash', () => {
    expect(citationKey('no-silver-bullet')).toBe('no-silver-bullet');
    expect(citationKey('café-au-lait')).toMatch(/^cafe-au-lait-[0-9a-f]{8}$/);
    expect(citationKey('黄金时代')).toMatch(/^note-[0-9a-f]{8}$/);
    expect(citationKey('café-au-lait')).not.toBe(citationKey('cafe\u0301-au-lait'));
  });
});

describe('references.json (CSL-JSON)', () => {
  it('should validate against the official CSL-JSON schema', (context) => {
    const errors = validateCsl(items, context);
    expect(errors).toEqual([]);
  });

  it('should give one item per note with kind, authors, year, venue, URL and summary', () => {
    expect(items.map((i) => i.id)).toEqual([citationKey('café-au-lait'), 'godel', 'orsted', 'plato', 'untyped', 'wang']);
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.godel).toMatchObject({ type: 'article-journal', title: 'Über formal unentscheidbare Sätze', author: [{ family: 'Gödel', given: 'Kurt' }], issued: { 'date-parts': [[1931]] }, 'container-title': 'Monatshefte für Mathematik und Physik', URL: 'https://example.org/g%C3%B6del?q=50%25&x_y=1#s~2' });
    expect(byId.godel!.abstract).toMatch(/^Gödel shows that/);
    expect(byId.orsted).toMatchObject({ type: 'book', publisher: 'Publisher & Sons', author: [{ family: 'Ørsted', given: 'Hans Christian' }, { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }, { family: 'Fuente', given: 'Ana', 'non-dropping-particle': 'de la' }] });
    expect(byId.wang).toMatchObject({ type: 'post-weblog', title: '黄金时代', author: [{ family: '王小波' }], 'container-title': '博客', note: 'Printed in a zine, then in a book' });
    expect(byId.wang!.URL).toBeUndefined();
    expect(byId.plato).toMatchObject({ type: 'speech', 'event-title': 'The Academy', author: [{ family: 'Plato' }] });
    expect(byId.plato!.issued).toBeUndefined();
    expect(byId.untyped).toMatchObject({ type: 'document', title: 'An Untyped Note' });
  });

  it('should be an empty list for an empty library', async () => {
    expect([...cslJsonChunks({ notes: [], concepts: [], diagnostics: [] })].join('')).toBe('[]\n');
  });

  it('should validate for the fixture library too', async (context) => {
    const fixture = JSON.parse([...cslJsonChunks(await buildFixtureLibrary(FIXTURE_LIBRARY))].join('')) as CslItem[];
    expect(fixture).toHaveLength(5);
    expect(validateCsl(fixture, context)).toEqual([]);
  });
});

describe('references.bib (BibTeX)', () => {
  it('should parse back with @retorquere/bibtex-parser with every field of every entry intact', () => {
    expect(bibtexMismatches(bib, items)).toEqual([]);
  });

  it('should give each kind its entry type', () => {
    const parsed = parseBibtex(bib, { english: false });
    expect(Object.fromEntries(parsed.entries.map((e) => [e.key, e.type]))).toEqual({
      [citationKey('café-au-lait')]: 'misc',
      godel: 'article',
      orsted: 'book',
      plato: 'misc',
      untyped: 'misc',
      wang: 'misc',
    });
  });

  it('should be empty for an empty library', () => {
    expect([...bibtexChunks({ notes: [], concepts: [], diagnostics: [] })].join('')).toBe('');
  });
});
