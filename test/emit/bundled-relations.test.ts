/**
 * The bundled library's own relations (issue 18): the single-threaded note
 * and the Spotify paper build on Conway's paper, boring technology supports the never-rewrite
 * essay, product vs feature teams builds on Kerr and supports Spotify's
 * model, and "Do Things That Don't Scale" contradicts "The only thing that
 * matters" (founders' effort against the market), so the handbook shows a
 * debate. Built with the real stages and the bundled config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { emitAll, outputText, type OutputText } from '../../src/emit/index.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, emitFixture } from './build-fixture.js';

const ROOT = path.resolve(__dirname, '../..');
let library: Library;
let files: OutputText[];
beforeAll(async () => {
  const config = resolveConfig(JSON.parse(readFileSync(path.join(ROOT, 'commonplace.config.json'), 'utf8')));
  library = await buildFixtureLibrary(path.join(ROOT, 'library'), config);
  files = emitFixture(library, { ...config, outputs: ['markdown', 'html', 'site'] });
});

describe('the bundled library', () => {
  it('should relate five of its notes (both ways: nine essays show a relation)', () => {
    const declared = library.notes.filter((n) => n.relations.some((r) => r.direction === 'out')).map((n) => n.note.id);
    expect(declared).toEqual(['amazons-single-threaded-model', 'choose-boring-technology', 'do-things-that-dont-scale', 'product-vs-feature-teams', 'scaling-agile-at-spotify']);
    expect(library.notes.find((n) => n.note.id === 'how-do-committees-invent')!.relations).toEqual([
      { type: 'builds-on', id: 'amazons-single-threaded-model', direction: 'in' },
      { type: 'builds-on', id: 'scaling-agile-at-spotify', direction: 'in' },
    ]);
    expect(library.notes.filter((n) => n.relations.length > 0)).toHaveLength(9);
  });

  it('should show its debate in the handbook, on the site and in the glossary', () => {
    const md = outputText(files, 'handbook.md');
    expect(md).toContain("#### <a id=\"debate-do-things-that-dont-scale\"></a>Do Things That Don't Scale vs The only thing that matters");
    expect(md).toMatch(/### On \[focus\]\(#concept-focus\) and \[product\/market fit\]\(#concept-productmarket-fit\)/);
    expect(md).toContain("Contradicted by [*Do Things That Don't Scale*](#note-do-things-that-dont-scale)");
    expect(outputText(files, 'site/debates.html')).toContain('class="debate-sides"');
  });
});
