import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { closestName, createConceptLookup, loadGlossary, parseGlossary } from '../../src/link/glossary.js';

const fixtures = fileURLToPath(new URL('../fixtures/link/', import.meta.url));
const load = (name: string) => loadGlossary(path.join(fixtures, name), defaultConfig);
const pick = (d: { ruleId: string; line: number; column: number }) => [d.ruleId, d.line, d.column];

describe('loadGlossary', () => {
  it('should read a valid glossary with ids, aliases, see-also and entry positions', () => {
    const { concepts, diagnostics } = load('glossary-valid');
    expect(diagnostics).toEqual([]);
    expect(concepts.map((c) => c.id)).toEqual([
      'conways-law',
      'single-threaded-leader',
      'inverse-conway-maneuver',
      'product-market-fit',
      'market',
      'cafe-culture',
    ]);
    const conway = concepts[0]!;
    expect(conway.aliases).toEqual(['Conway’s law of organisations', 'sociotechnical mirroring']);
    expect(conway.definition).toBe('Organisations design systems that mirror their own communication structure.');
    // `see` names resolve case-insensitively and are stored as the canonical names.
    expect(conway.see).toEqual(['Single-threaded leader', 'Inverse Conway maneuver']);
    expect([conway.line, conway.column]).toEqual([2, 3]);
    // a single string is accepted where a list is expected
    expect(concepts[1]!.see).toEqual(["Conway's law"]);
    // YAML 1.2 core schema: `NO` stays a string
    expect(concepts[5]!.aliases).toEqual(['NO']);
  });

  it('should return no concepts and no diagnostic when concepts.yml is absent', () => {
    expect(load('does-not-exist')).toEqual({ concepts: [], diagnostics: [] });
  });

  it('should report each glossary error with its line and column and keep the usable entries', () => {
    const { concepts, diagnostics } = load('glossary-errors');
    expect(diagnostics.map(pick)).toEqual([
      ['glossary-unknown-see', 4, 9],
      ['glossary-unknown-see', 4, 32],
      ['glossary-duplicate-alias', 6, 13],
      ['glossary-duplicate-name', 8, 9],
      ['glossary-invalid-entry', 10, 3],
      ['glossary-invalid-entry', 11, 3],
      ['glossary-invalid-entry', 12, 3],
      ['glossary-unknown-key', 15, 3],
    ]);
    expect(diagnostics.every((d) => d.file === 'concepts.yml')).toBe(true);
    expect(concepts.map((c) => c.name)).toEqual(["Conway's law", 'Single-threaded leader', 'Extra key']);
    // the shared alias stays with its first owner only
    expect(concepts[1]!.aliases).toEqual(['STL']);
    expect(concepts[0]!.see).toEqual([]);
  });

  it('should suggest the closest concept name for a misspelt see target, and none for a far one', () => {
    const { diagnostics } = load('glossary-errors');
    const [typo, far] = diagnostics.filter((d) => d.ruleId === 'glossary-unknown-see');
    expect(typo!.message).toContain('did you mean "Single-threaded leader"?');
    expect(far!.message).not.toContain('did you mean');
  });

  it('should point a duplicate name (after normalisation) and a shared alias at the first definition', () => {
    const { diagnostics } = load('glossary-errors');
    const duplicate = diagnostics.find((d) => d.ruleId === 'glossary-duplicate-name')!;
    expect(duplicate.message).toContain('Conway’s Laws');
    expect(duplicate.related).toEqual([{ file: 'concepts.yml', line: 1, column: 9, message: 'first defined here' }]);
    const alias = diagnostics.find((d) => d.ruleId === 'glossary-duplicate-alias')!;
    expect(alias.related?.[0]).toMatchObject({ line: 2, column: 13 });
  });

  it('should refuse a glossary that is not a list', () => {
    const { concepts, diagnostics } = load('glossary-not-list');
    expect(concepts).toEqual([]);
    expect(diagnostics.map(pick)).toEqual([['glossary-not-list', 1, 1]]);
  });

  it('should report a YAML syntax error at its position', () => {
    const { concepts, diagnostics } = load('glossary-yaml-error');
    expect(concepts).toEqual([]);
    expect(diagnostics.map(pick)).toEqual([['glossary-yaml', 4, 3]]);
  });

  it('should refuse anchors and aliases', () => {
    const { diagnostics } = load('glossary-alias-bomb');
    expect(diagnostics.map(pick)).toEqual([['glossary-yaml', 1, 12]]);
    expect(diagnostics[0]!.message).toContain('anchor');
  });

  it('should refuse a 9×9 alias bomb quickly', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const { concepts, diagnostics } = parseGlossary(bomb.join('\n'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(concepts).toEqual([]);
    expect(diagnostics[0]!.ruleId).toBe('glossary-yaml');
  });

  it('should refuse duplicate keys in an entry', () => {
    const { diagnostics } = parseGlossary('- name: A\n  name: B\n  definition: C\n');
    expect(diagnostics.map(pick)).toEqual([['glossary-yaml', 2, 3]]);
  });

  it('should give the same positions for CRLF and BOM input as for LF', () => {
    const source = parseGlossary(`\uFEFF- name: A\r\n  definition: B\r\n- name: A\r\n  definition: C\r\n`);
    expect(source.diagnostics.map(pick)).toEqual([['glossary-duplicate-name', 3, 9]]);
  });

  it('should treat an empty file as an empty glossary', () => {
    expect(parseGlossary('')).toEqual({ concepts: [], diagnostics: [] });
    expect(parseGlossary('# only a comment\n')).toEqual({ concepts: [], diagnostics: [] });
  });

  it('should refuse a name with no words', () => {
    const { concepts, diagnostics } = parseGlossary('- name: "!!!"\n  definition: punctuation\n');
    expect(concepts).toEqual([]);
    expect(diagnostics.map(pick)).toEqual([['glossary-invalid-entry', 1, 9]]);
  });

  it('should refuse an oversized file before reading it', () => {
    const { diagnostics } = loadGlossary(path.join(fixtures, 'glossary-valid'), { ...defaultConfig, maxFileBytes: 10 });
    expect(diagnostics[0]!.message).toContain('maxFileBytes');
  });
});

describe('createConceptLookup', () => {
  it('should find a concept by name, alias or id in any case, spacing or inflection', () => {
    const lookup = createConceptLookup(load('glossary-valid').concepts);
    expect(lookup('conway’s LAW')?.id).toBe('conways-law');
    expect(lookup('single threaded leaders')?.id).toBe('single-threaded-leader');
    expect(lookup('stl')?.id).toBe('single-threaded-leader');
    expect(lookup('product-market-fit')?.id).toBe('product-market-fit');
    expect(lookup('marketing')).toBeUndefined();
  });
});

describe('closestName', () => {
  it('should suggest only plausible typos', () => {
    expect(closestName('Conways law', ["Conway's law", 'Market'])).toBe("Conway's law");
    expect(closestName('Team topologies', ["Conway's law", 'Market'])).toBeNull();
    expect(closestName('x', [])).toBeNull();
  });
});

describe('parseGlossary on deeply nested YAML', () => {
  it('should refuse 20,000 nested flow lists before parsing, with a position, instead of crashing the process', () => {
    const text = `- name: deep\n  definition: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const { concepts, diagnostics } = parseGlossary(text);
    expect(concepts).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'glossary-yaml', severity: 'error', line: 2 });
    expect(diagnostics[0]!.message).toMatch(/flatten it/);
  });
});
