import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitAll, memoFromNoteCache, outputText as outputOf, type EmitMemo } from '../../src/emit/index.js';
import { bodiesOf, buildFixtureLibrary, emitFixture, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY } from './build-fixture.js';

/** An in-memory memo that counts what was stored. */
/** Keys of per-essay entries (the memo also holds title page, contents and back matter by their nodes). */
const isEssayKey = (key: string): boolean => key.startsWith('emit-essay:');

function countingMemo(): EmitMemo & { store: Map<string, string>; sets: string[] } {
  const store = new Map<string, string>();
  const sets: string[] = [];
  return {
    store,
    sets,
    get: (key) => store.get(key),
    set: (key, value) => {
      if (isEssayKey(key)) sets.push(key);
      store.set(key, value);
    },
  };
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function copyLibrary(root: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'commonplace-memo-'));
  temps.push(copy);
  cpSync(root, copy, { recursive: true });
  return copy;
}

describe('emitAll with a memo', () => {
  it('should give byte-identical outputs with no memo, an empty memo and a filled memo', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const plain = emitFixture(await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true }), fixtureConfig());
      const memo = countingMemo();
      const cold = emitFixture(await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true }), fixtureConfig(), { memo });
      expect(cold).toEqual(plain);
      const library = await buildFixtureLibrary(root, fixtureConfig(), { allowFailures: true });
      // One entry (Markdown and HTML) per essay.
      expect([...memo.store.keys()].filter(isEssayKey).length).toBe(library.notes.length);
      memo.sets.length = 0;
      const warm = emitFixture(library, fixtureConfig(), { memo });
      expect(warm).toEqual(plain);
      expect(memo.sets).toEqual([]);
    }
  });

  it('should re-render the essays that link to a note whose title changed, matching a cold build', async () => {
    const root = copyLibrary(FIXTURE_LIBRARY);
    const memo = countingMemo();
    emitFixture(await buildFixtureLibrary(root), fixtureConfig(), { memo });
    const file = path.join(root, 'boring-tech.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: "Choose Boring Technology"', 'title: "Pick Dull Technology"'));
    memo.sets.length = 0;
    const warm = emitFixture(await buildFixtureLibrary(root), fixtureConfig(), { memo });
    const cold = emitFixture(await buildFixtureLibrary(root), fixtureConfig());
    expect(warm).toEqual(cold);
    expect(cold[0]!.content).toContain('Pick Dull Technology');
    // The edited note and every essay that shows its title were re-rendered, and only those.
    const showsTitle = (await buildFixtureLibrary(root)).notes.filter(
      (n) => n.note.id === 'boring-tech' || n.related.some((r) => r.id === 'boring-tech') || n.backlinks.some((id) => id === 'boring-tech') || n.mentionedIn.some((id) => id === 'boring-tech') || n.links.some((l) => l.to === 'boring-tech'),
    );
    expect(memo.sets.length).toBe(showsTitle.length);
    expect(memo.sets.length).toBeLessThan([...memo.store.keys()].filter(isEssayKey).length);
  });

  it('should re-render the target of a new relation, its file unchanged, matching a cold build', async () => {
    const root = copyLibrary(FIXTURE_LIBRARY);
    const memo = countingMemo();
    emitFixture(await buildFixtureLibrary(root), fixtureConfig(), { memo });
    const file = path.join(root, 'deep-work.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n---\n/, '\nrelations:\n  contradicts: [boring-tech]\n---\n'));
    const warm = emitFixture(await buildFixtureLibrary(root), fixtureConfig(), { memo });
    const cold = emitFixture(await buildFixtureLibrary(root), fixtureConfig());
    expect(warm).toEqual(cold);
    expect(outputOf(cold, 'handbook.md')).toContain('Contradicted by [*Deep Work*](#note-deep-work)');
  });

  it('should not reuse an essay whose looked-up facts changed although its own inputs did not', async () => {
    // Real files can rarely change one note's title without shifting other notes' related
    // scores (which alone would re-render them); so change only the title (and that note's
    // hash, as a real edit would) in the linked library, to exercise the recorded lookups.
    const memo = countingMemo();
    emitFixture(await buildFixtureLibrary(), fixtureConfig(), { memo });
    const library = await buildFixtureLibrary();
    const target = library.notes.find((n) => n.note.id === 'boring-tech')!;
    target.note.meta.title = 'Pick Dull Technology';
    target.note.hash = '0'.repeat(64);
    const others = library.notes.filter((n) => n !== target && (n.related.some((r) => r.id === 'boring-tech') || n.backlinks.some((id) => id === 'boring-tech') || n.mentionedIn.some((id) => id === 'boring-tech') || n.links.some((l) => l.to === 'boring-tech')));
    expect(others.length).toBeGreaterThan(0);
    memo.sets.length = 0;
    const warm = emitFixture(library, fixtureConfig(), { memo });
    const clone = await buildFixtureLibrary();
    const cloned = clone.notes.find((n) => n.note.id === 'boring-tech')!;
    cloned.note.meta.title = 'Pick Dull Technology';
    cloned.note.hash = target.note.hash;
    expect(warm).toEqual(emitFixture(clone, fixtureConfig()));
    expect(memo.sets.length).toBe(others.length + 1);
  });

  it('should ignore damaged or foreign memo entries and render afresh', async () => {
    const memo = countingMemo();
    const plain = emitFixture(await buildFixtureLibrary(), fixtureConfig(), { memo });
    let n = 0;
    for (const [key, value] of memo.store) {
      const [sum, lookups] = value.split('\n', 2);
      const text = value.slice(value.indexOf('\n') + 1);
      // Damage every entry a different way: foreign lookups, a truncated text, a changed text.
      if (n % 3 === 0 && isEssayKey(key)) memo.store.set(key, `${sum}\n[["bogus","a","b",null]]\n${text.slice(text.indexOf('\n') + 1)}`);
      else if (n % 3 === 1) memo.store.set(key, value.slice(0, value.length - 10));
      else memo.store.set(key, `${sum}\n${lookups}\n<script>alert(1)</script>${value.slice(sum!.length + lookups!.length + 2)}`);
      n++;
    }
    memo.store.set([...memo.store.keys()][0]!, 'not json');
    expect(emitFixture(await buildFixtureLibrary(), fixtureConfig(), { memo })).toEqual(plain);
  });

  it('should store through a note cache extras interface', async () => {
    const extras = new Map<string, unknown>();
    const cache = { getExtra: (key: string, name: string) => extras.get(`${name}|${key}`), setExtra: (key: string, name: string, value: unknown) => void extras.set(`${name}|${key}`, value) };
    const plain = emitFixture(await buildFixtureLibrary(), fixtureConfig());
    expect(emitFixture(await buildFixtureLibrary(), fixtureConfig(), { memo: memoFromNoteCache(cache) })).toEqual(plain);
    expect(extras.size).toBeGreaterThan(0);
    extras.set([...extras.keys()][0]!, 42);
    expect(emitFixture(await buildFixtureLibrary(), fixtureConfig(), { memo: memoFromNoteCache(cache) })).toEqual(plain);
  });
});
