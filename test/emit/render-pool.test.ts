import { availableParallelism } from 'node:os';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { prerenderEssays, type EmitMemo } from '../../src/emit/index.js';
import { decodeText, renderEssayOutput, type EssayBytes, type EssayOutput } from '../../src/emit/essay-text.js';
import { handbookModel } from '../../src/emit/model.js';
import { renderInPool, renderPoolSize } from '../../src/emit/render-pool.js';
import { bodiesOf, buildFixtureLibrary, emitFixture, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';

/** A worker's answer as text (it sends UTF-8 bytes). */
const asText = (output: EssayBytes): EssayOutput => ({ md: decodeText(output.md), html: decodeText(output.html) });

const mapMemo = (): EmitMemo & { store: Map<string, string> } => {
  const store = new Map<string, string>();
  return { store, get: (key) => store.get(key), set: (key, value) => void store.set(key, value) };
};

describe('renderInPool', () => {
  it('should give each essay exactly the text the main thread renders', async () => {
    const library = await buildFixtureLibrary(HOSTILE_LIBRARY, fixtureConfig(), { allowFailures: true });
    const essays = handbookModel(library, fixtureConfig(), bodiesOf(library)).chapters.flatMap((chapter) => chapter.essays);
    expect(essays.length).toBeGreaterThan(2);
    const results = new Map<number, EssayOutput>();
    await renderInPool(essays, 2, (index, output) => results.set(index, asText(output)));
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(essays.map((_, i) => i));
    essays.forEach((essay, i) => expect(results.get(i)).toEqual(renderEssayOutput(essay)));
  });

  it('should leave out an essay whose rendering throws in the worker, and render the others', async () => {
    const good = { anchor: 'note-a', nodes: [{ type: 'paragraph', children: [{ type: 'text', value: 'Fine *text*' }] }] as RootContent[] };
    const bad = { anchor: 'note-b', nodes: [{ type: 'no-such-node' }] as unknown as RootContent[] };
    expect(() => renderEssayOutput(bad)).toThrow();
    const results = new Map<number, EssayOutput>();
    await renderInPool([good, bad, good], 1, (index, output) => results.set(index, asText(output)));
    expect([...results.keys()].sort()).toEqual([0, 2]);
    expect(results.get(0)).toEqual(renderEssayOutput(good));
  });

  it('should reject, not hang, when an essay cannot be sent to a worker', async () => {
    const unsendable = { anchor: 'note-c', nodes: [{ type: 'text', value: 'x', data: { hook: () => 1 } }] as unknown as RootContent[] };
    await expect(renderInPool([unsendable], 1, () => undefined)).rejects.toThrow();
  });
});

describe('renderPoolSize', () => {
  it('should render small handbooks in the main thread and use at most one worker per core', () => {
    expect(renderPoolSize(0)).toBe(0);
    expect(renderPoolSize(99)).toBe(0);
    expect(renderPoolSize(100)).toBe(1);
    expect(renderPoolSize(100_000)).toBe(availableParallelism());
  });
});

describe('prerenderEssays', () => {
  it('should leave the outputs byte-identical to rendering in the main thread', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const plain = emitFixture(await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true }), fixtureConfig());
      const library = await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true });
      const essays = await prerenderEssays(library, fixtureConfig(), bodiesOf(library), undefined, 2);
      expect(emitFixture(library, fixtureConfig(), { essays })).toEqual(plain);
    }
  });

  it('should store what the workers rendered in the memo, so the emitters render nothing again', async () => {
    const config = fixtureConfig();
    const library = await buildFixtureLibrary(FIXTURE_LIBRARY, config);
    const memo = mapMemo();
    await prerenderEssays(library, config, bodiesOf(library), memo, 1);
    const essayKeys = [...memo.store.keys()].filter((key) => key.startsWith('emit-essay:'));
    expect(essayKeys).toHaveLength(library.notes.length);
    const before = new Map(memo.store);
    const outputs = emitFixture(library, config, { memo });
    for (const key of essayKeys) expect(memo.store.get(key)).toBe(before.get(key));
    expect(outputs).toEqual(emitFixture(await buildFixtureLibrary(FIXTURE_LIBRARY, config), config));
  });
});
