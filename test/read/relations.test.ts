/**
 * `relations:` in front matter: read into `NoteMeta.relations` with each
 * item's own position (line, column, offsets), so rules can point at the item
 * and fixes can replace exactly it.
 */
import { describe, expect, it } from 'vitest';
import { noteFromText } from '../../src/read/parse.js';

const note = (frontmatter: string) => noteFromText('a.md', `---\ntitle: A\n${frontmatter}\n---\n\nBody.\n`);

describe('relations in front matter', () => {
  it('should read each item of a block list with its own position and offsets', () => {
    const n = note("relations:\n  builds-on:\n    - conway-committees\n    - \"Team Topologies\"\n  contradicts: [spotify-model]");
    expect(n.meta.relations.map((r) => [r.type, r.target, r.line, r.column, r.endColumn])).toEqual([
      ['builds-on', 'conway-committees', 5, 7, 24],
      ['builds-on', 'Team Topologies', 6, 7, 24],
      ['contradicts', 'spotify-model', 7, 17, 30],
    ]);
    for (const r of n.meta.relations) {
      expect(n.source.slice(r.start, r.end).replace(/"/g, '')).toBe(r.target);
    }
    expect(n.meta.relations[2]!.typeSpan).toEqual({ line: 7, column: 3, endLine: 7, endColumn: 14 });
  });

  it('should take a single note as a list of one, at its own position', () => {
    const n = note('relations:\n  responds-to: Conway\'s paper');
    expect(n.meta.relations).toHaveLength(1);
    const [r] = n.meta.relations;
    expect([r!.type, r!.target, r!.line, r!.column]).toEqual(['responds-to', "Conway's paper", 4, 16]);
    expect(n.source.slice(r!.start, r!.end)).toBe("Conway's paper");
  });

  it('should leave out ill-typed values (field-type reports them) without failing the note', () => {
    expect(note('relations: [a, b]').meta.relations).toEqual([]);
    expect(note('relations: nothing').meta.relations).toEqual([]);
    expect(note('relations:\n  builds-on: [a, 3, {x: y}]').meta.relations.map((r) => r.target)).toEqual(['a']);
  });

  it('should give an empty list when there is no relations field', () => {
    expect(note('year: 2020').meta.relations).toEqual([]);
  });
});
