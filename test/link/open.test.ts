import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { openLibrary } from '../../src/link/open.js';
import { fixture } from './helpers.js';

describe('openLibrary', () => {
  it('should read the notes, the glossary and the mentions', async () => {
    const root = fixture('library');
    const opened = await openLibrary(root, defaultConfig);
    expect(opened.notes.map((n) => n.id)).toEqual(['conways-law', 'product-market-fit', 'single-threaded-model']);
    expect(opened.concepts).toHaveLength(5);
    expect(opened.glossaryDiagnostics).toEqual([]);
    expect(opened.mentions.get(opened.notes[0]!.id)!.length).toBeGreaterThan(0);
  });
});
