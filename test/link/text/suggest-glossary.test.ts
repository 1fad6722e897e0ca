/** Accepted suggestions into concepts.yml (`src/link/glossary-append.ts`) on the bundled glossary. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appendToGlossary } from '../../../src/link/glossary-append.js';
import { parseGlossary } from '../../../src/link/glossary.js';

const BUNDLED = readFileSync(fileURLToPath(new URL('../../../library/concepts.yml', import.meta.url)), 'utf8');

const written = (text: string, accepted: Parameters<typeof appendToGlossary>[1]) => {
  const result = appendToGlossary(text, accepted);
  if (!result.ok) throw new Error(result.error);
  return result.text;
};

describe('appendToGlossary', () => {
  it('should give back the file byte for byte when nothing is accepted', () => {
    expect(written(BUNDLED, [])).toBe(BUNDLED);
  });

  it('should append a new concept after the last entry and change nothing else', () => {
    const text = written(BUNDLED, [{ phrase: 'feature team', definition: 'A team that ships the features it is given.' }]);
    expect(text).toBe(`${BUNDLED}\n- name: feature team\n  definition: A team that ships the features it is given.\n`);
    const glossary = parseGlossary(text);
    expect(glossary.diagnostics).toEqual([]);
    expect(glossary.concepts.at(-1)).toMatchObject({ name: 'feature team', definition: 'A team that ships the features it is given.' });
  });

  it('should add an alias to an existing flow list, or create the list after the name', () => {
    const text = written(BUNDLED, [
      { phrase: 'single-threaded leader model', aliasOf: 'Single-threaded leaders' },
      { phrase: 'team edges', aliasOf: 'team boundaries' },
    ]);
    expect(text).toContain('- name: single-threaded leader\n  aliases: [single-threaded owner, single-threaded leader model]\n  definition: A leader');
    expect(text).toContain('- name: team boundaries\n  aliases: [team edges]\n  definition: The lines');
    const changed = text.split('\n').filter((line) => !BUNDLED.split('\n').includes(line));
    expect(changed).toEqual(['  aliases: [single-threaded owner, single-threaded leader model]', '  aliases: [team edges]']);
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual(BUNDLED.split('\n').filter((line) => line.startsWith('#')));
  });

  it('should start a missing or comment-only glossary', () => {
    expect(written('', [{ phrase: 'cognitive load', definition: 'What a team must hold in mind.' }])).toBe('- name: cognitive load\n  definition: What a team must hold in mind.\n');
    expect(written('# Our concepts\n', [{ phrase: 'cognitive load', definition: 'What a team must hold in mind.' }])).toBe(
      '# Our concepts\n\n- name: cognitive load\n  definition: What a team must hold in mind.\n',
    );
  });

  it('should refuse what would make the glossary unclean, and a glossary that has problems already', () => {
    expect(appendToGlossary(BUNDLED, [{ phrase: "Conway's laws", definition: 'Again.' }])).toMatchObject({ ok: false, error: expect.stringContaining('duplicate concept') });
    expect(appendToGlossary(BUNDLED, [{ phrase: 'org design', aliasOf: 'team size' }])).toMatchObject({ ok: false });
    expect(appendToGlossary(BUNDLED, [{ phrase: 'x y', aliasOf: 'no such concept' }])).toEqual({ ok: false, error: 'no concept "no such concept" in concepts.yml' });
    expect(appendToGlossary(BUNDLED, [{ phrase: 'x y', definition: ' ' }])).toEqual({ ok: false, error: '"x y" needs a definition' });
    expect(appendToGlossary('- name: a\n', [{ phrase: 'x y', definition: 'd' }])).toMatchObject({ ok: false, error: expect.stringContaining('concepts.yml:1:3 has a problem to fix first') });
  });

  it('should write hostile text as plain strings that read back exactly', () => {
    const phrase = 'team: api\n- name: evil';
    const definition = "yes #not a comment: 'x' [a, b] &anchor *alias";
    const text = written(BUNDLED, [{ phrase, definition }]);
    const last = parseGlossary(text).concepts.at(-1)!;
    expect(last.name).toBe(phrase);
    expect(last.definition).toBe(definition);
    expect(parseGlossary(text).concepts).toHaveLength(parseGlossary(BUNDLED).concepts.length + 1);
  });
});
