/**
 * No rule throws on odd input: empty notes, no front matter, broken YAML,
 * trees whose nodes have lost their positions, and arbitrary text.
 */
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../src/check/example-note.js';
import { checkLibrary, INTERNAL_ERROR } from '../../src/check/run.js';
import { defaultConfig } from '../../src/config.js';
import { isReadFailure } from '../../src/read/index.js';
import { parseNote } from '../../src/read/parse.js';
import type { WholeNote } from '../../src/types.js';
import { wholeBodies } from '../../src/read/bodies.js';
import { glossary } from './harness.js';

const concepts = glossary([{ name: "Conway's law", aliases: ['mirroring'] }]);

const check = (notes: WholeNote[]) => checkLibrary({ notes, bodies: wholeBodies(notes), failures: [], concepts, mentions: new Map(), config: defaultConfig });

const read = (text: string, path = 'odd.md'): WholeNote[] => {
  const parsed = parseNote({ path, bytes: new TextEncoder().encode(text) }, defaultConfig);
  return isReadFailure(parsed) ? [] : [parsed];
};

const odd = [
  '',
  ' ',
  '\n\n\n',
  '---',
  '---\n---',
  '---\n---\n',
  '# Title only',
  '## Central argument',
  '---\ntitle:\n---\n## Critique\n## Critique',
  '---\n: : :\n---',
  '---\n[1, 2\n---\n',
  '---\ntitle: x\n---\n[[]] [[|]] [[#]] [[a|]]',
  '---\nconcepts: [1, null, {a: 1}]\ntags: {a: b}\nauthor: []\nyear: -5\nsource: "http://"\n---\n',
  '---\n__proto__: {polluted: true}\nconstructor: 1\n---\n',
  'Setext\n===\n\nCritique\n---\n',
  '<div>\n<!-- commonplace-disable -->\n</div>',
];

describe('rule robustness', () => {
  for (const text of odd) {
    it(`should not crash on ${JSON.stringify(text).slice(0, 40)}`, () => {
      const found = check(read(text));
      expect(found.filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
    });
  }

  it('should not crash when tree nodes carry no positions', () => {
    const [note] = read(exampleNote({ summary: 'Text with `code`, <b>html</b> and [[a link]]. TODO: later' }));
    visit(note!.tree, (node) => {
      delete node.position;
    });
    expect(check([note!]).filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
  });

  it('should never throw or report an internal error for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 200 }), (body, fm) => {
        const notes = [...read(body, 'a.md'), ...read(`---\n${fm}\n---\n${body}`, 'b.md')];
        expect(check(notes).filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('should never throw for any bytes read as a note', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const parsed = parseNote({ path: 'x.md', bytes }, defaultConfig);
        const notes = isReadFailure(parsed) ? [] : [parsed];
        const failures = isReadFailure(parsed) ? [parsed] : [];
        const found = checkLibrary({ notes, bodies: wholeBodies(notes), failures, concepts, mentions: new Map(), config: defaultConfig });
        expect(found.filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
