/**
 * handbook.html past HTML_NOTE_LIMIT notes: left out of the outputs, with a
 * notice saying why and pointing to the site (as the PDF past its limit).
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { emitAll, HTML_NOTE_LIMIT, leftOutputs } from '../../src/emit/index.js';
import { wholeBodies } from '../../src/read/bodies.js';
import type { Library, LinkedNote } from '../../src/types.js';

/** A library of `n` notes; past the limit nothing reads them, so they need no content. */
const libraryOf = (n: number): Library => ({ notes: Array.from({ length: n }, () => ({}) as LinkedNote), concepts: [], diagnostics: [] });

describe('handbook.html past HTML_NOTE_LIMIT', () => {
  it('should leave handbook.html out past the limit and say why, pointing to the site', () => {
    const library = libraryOf(HTML_NOTE_LIMIT + 1);
    const config = resolveConfig({ outputs: ['html'] });
    expect(emitAll(library, config, { bodies: wholeBodies([]) }).map((f) => f.name)).toEqual([]);
    expect(leftOutputs(library, config)).toEqual([
      {
        file: 'handbook.html',
        why: `handbook.html not written: ${HTML_NOTE_LIMIT + 1} notes are past its limit of ${HTML_NOTE_LIMIT} (one page that size takes Chromium over 8 s to open); read dist/site/index.html instead`,
      },
    ]);
  });

  it('should say nothing at the limit, or when handbook.html is not among the outputs', () => {
    expect(leftOutputs(libraryOf(HTML_NOTE_LIMIT), resolveConfig({}))).toEqual([]);
    expect(leftOutputs(libraryOf(HTML_NOTE_LIMIT + 1), resolveConfig({ outputs: ['site', 'index'] }))).toEqual([]);
    expect(leftOutputs({ notes: [], concepts: [], diagnostics: [] }, resolveConfig({}))).toEqual([]);
  });
});
