import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { openLibrary, resolveLibraryRoot } from '../../src/link/open.js';
import { fixture } from './helpers.js';

describe('resolveLibraryRoot', () => {
  it('should use --library against the working folder, else the config’s library against the config folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-open-'));
    expect(() => resolveLibraryRoot(dir, undefined)).toThrow(ConfigError);
    writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: path.relative(dir, fixture('library')) }));
    expect(resolveLibraryRoot(dir, undefined).root).toBe(path.resolve(fixture('library')));
    expect(resolveLibraryRoot(path.dirname(fixture('library')), 'library').root).toBe(path.resolve(fixture('library')));
  });

  it('should refuse a folder that does not exist, naming it relative to the working folder', () => {
    expect(() => resolveLibraryRoot(fixture('library'), 'missing')).toThrow('library folder "missing" not found');
  });
});

describe('openLibrary', () => {
  it('should read the notes, the glossary and the mentions', async () => {
    const root = fixture('library');
    const { config } = resolveLibraryRoot(root, '.');
    const opened = await openLibrary(root, config);
    expect(opened.notes.map((n) => n.id)).toEqual(['conways-law', 'product-market-fit', 'single-threaded-model']);
    expect(opened.concepts).toHaveLength(5);
    expect(opened.glossaryDiagnostics).toEqual([]);
    expect(opened.mentions.get(opened.notes[0]!.id)!.length).toBeGreaterThan(0);
  });
});
