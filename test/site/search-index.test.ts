/**
 * The site's search files: every stem in the shard its key names, shards
 * split one code point deeper past SHARD_BYTES, documents in chunks.
 */
import { describe, expect, it } from 'vitest';
import { DOCS_PER_CHUNK, SHARD_BYTES, shardKey, splitPrefixes } from '../../src/emit/site/search-index.js';
import { buildFixtureLibrary, emitFixture, fixtureConfig } from '../emit/build-fixture.js';

/** Runs a registering script and returns what it registered. */
function registered(text: string): { kind: string; key: string; value: unknown } {
  let got: { kind: string; key: string; value: unknown } | undefined;
  new Function('__commonplaceSearch', text)((kind: string, key: string, value: unknown) => (got = { kind, key, value }));
  return got!;
}

describe('site search files', () => {
  it('should split a prefix whose stems pass SHARD_BYTES one code point deeper, and only that one', () => {
    const big = Math.ceil(SHARD_BYTES / 10);
    const terms: [string, number][] = [...'abcdefghijkl'].map((c) => [`co${c}st`, big]);
    terms.push(['co', 10], ['dog', 10], ['do', 10]);
    const split = splitPrefixes(terms);
    expect([...split]).toEqual(['co']);
    expect(shardKey('coast', split)).toBe('coa');
    expect(shardKey('co', split)).toBe('co');
    expect(shardKey('dog', split)).toBe('do');
    expect(shardKey('x', split)).toBe('x');
  });

  it('should put every stem in the shard its key names, and every document in its chunk', async () => {
    const files = emitFixture(await buildFixtureLibrary(), fixtureConfig()).filter((f) => f.name.startsWith('site/search/'));
    const meta = registered(String(files.find((f) => f.name === 'site/search/meta.js')!.content)).value as { docs: number; chunk: number; split: string[] };
    expect(meta).toMatchObject({ docs: 5, chunk: DOCS_PER_CHUNK, split: [] });
    const shards = files.filter((f) => f.name.startsWith('site/search/terms/'));
    expect(shards.length).toBeGreaterThan(10);
    for (const file of shards) {
      const { kind, key, value } = registered(String(file.content));
      expect(kind).toBe('shard');
      for (const [term] of value as [string, number[]][]) expect(shardKey(term, new Set(meta.split)), file.name).toBe(key);
    }
    const chunk = registered(String(files.find((f) => f.name === 'site/search/docs/0.js')!.content));
    expect((chunk.value as string[][]).map((d) => d[0])).toEqual(['boring-tech', 'committees', 'deep-work', 'makers-schedule', 'single-threaded'].map((id) => `essays/${id}.html`));
  });
});
