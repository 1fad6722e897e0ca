import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnchors } from '../../src/emit/anchors.js';
import { groupChapters } from '../../src/emit/chapters.js';
import { emitHandbookMarkdown } from '../../src/emit/handbook-md.js';
import { splitNote } from '../../src/emit/note-parts.js';
import { anchorSlug } from '../../src/emit/slug.js';
import { bodiesOf, buildFixtureLibrary, FIXTURE_LIBRARY, fixtureConfig } from './build-fixture.js';
import { markdownAnchorIds, parseMarkdown } from './parse-output.js';
import { visit } from 'unist-util-visit';

const root = mkdtempSync(path.join(os.tmpdir(), 'commonplace-anchors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('anchorSlug', () => {
  it.each([
    ["Conway's law", 'conways-law'],
    ['Café culture', 'cafe-culture'],
    ['  Why it matters  ', 'why-it-matters'],
    ['<img src=x onerror=alert(1)>', 'img-srcx-onerroralert1'],
  ])('should slug %j as %j', (text, slug) => {
    expect(anchorSlug(text)).toBe(slug);
  });

  it('should never return an empty slug, even for text with no ASCII letters', () => {
    expect(anchorSlug('心理安全')).toMatch(/^x[0-9a-f]{8}$/);
    expect(anchorSlug('!!!')).toMatch(/^x[0-9a-f]{8}$/);
    expect(anchorSlug('心理安全')).not.toBe(anchorSlug('!!!'));
  });
});

describe('createAnchors', () => {
  it('should give notes whose ids slug alike distinct, stable anchors, and every link still resolves', async () => {
    const template = readFileSync(path.join(FIXTURE_LIBRARY, 'boring-tech.md'), 'utf8');
    for (const name of ['A b', 'a-b', 'A_B', '心理', '安全']) {
      writeFileSync(path.join(root, `${name}.md`), template.replace('title: "Choose Boring Technology"', `title: "Note ${name}"`));
    }
    const config = fixtureConfig();
    const library = await buildFixtureLibrary(root, config);
    const anchors = createAnchors(library, groupChapters(library, config), [], config);
    const noteAnchors = library.notes.map((n) => anchors.note(n.note.id)!);
    expect(new Set(noteAnchors).size).toBe(library.notes.length);
    expect(anchors.note('A b')).toBe('note-a-b'); // first in code-point order wins the plain slug
    expect(anchors.note('A_B')).toBe('note-ab'); // only [a-z0-9-] survive
    expect(anchors.note('a-b')).toBe('note-a-b-2');
    const md = parseMarkdown(emitHandbookMarkdown(library, config, { bodies: bodiesOf(library) }));
    const ids = new Set(markdownAnchorIds(md));
    const dangling: string[] = [];
    visit(md, 'link', (l: { url: string }) => {
      if (l.url.startsWith('#') && !ids.has(l.url.slice(1))) dangling.push(l.url);
    });
    expect(dangling).toEqual([]);
  });
});

describe('createAnchors, sections', () => {
  it('should anchor each section on the text its essay heading shows, inline HTML, code and alt text included', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'commonplace-anchors-sections-'));
    try {
      const template = readFileSync(path.join(FIXTURE_LIBRARY, 'boring-tech.md'), 'utf8');
      const headings = ['## The <em>odd</em> one', '## Using `npm ci` here', '## A ![map](map.png) picture', '### Deeper than a section'];
      writeFileSync(path.join(folder, 'odd.md'), `${template}\n\n${headings.join('\n\nSome text.\n\n')}\n\nLast words.\n`);
      const config = fixtureConfig();
      const library = await buildFixtureLibrary(folder, config);
      const linked = library.notes[0]!;
      const anchors = createAnchors(library, groupChapters(library, config), [], config);
      // What the essay renderer splits the note into (from its syntax tree), section by section.
      const split = splitNote(linked.note, bodiesOf(library).get(linked.note, ['source', 'tree']), config).sections;
      expect(split.map((s) => s.title)).toContain('The <em>odd</em> one');
      const base = anchors.note(linked.note.id)!;
      const expected: string[] = [];
      for (const section of split) {
        let anchor = `${base}--${anchorSlug(section.title)}`;
        for (let n = 2; expected.includes(anchor); n++) anchor = `${base}--${anchorSlug(section.title)}-${n}`;
        expected.push(anchor);
      }
      expect(split.map((_, i) => anchors.sectionAt(linked.note.id, i))).toEqual(expected);
      expect(anchors.sectionAt(linked.note.id, split.length)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
