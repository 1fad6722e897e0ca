/**
 * The pictures (src/emit/pictures): the map, the timeline and each essay's
 * neighbourhood, as they come out of the HTML handbook and the site, and
 * from the modules directly for what the bundled notes cannot show yet
 * (typed relations, thousands of essays): a hand-built Library.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { groupChapters } from '../../src/emit/chapters.js';
import { emitHandbookHtml } from '../../src/emit/handbook-html.js';
import { outputText, type EmitMemo } from '../../src/emit/index.js';
import { serialiseHtml } from '../../src/emit/html-essay.js';
import { libraryGraph, type LibraryGraph } from '../../src/emit/pictures/graph.js';
import { BASELINE, CHAR_EM, placeLabels } from '../../src/emit/pictures/labels.js';
import { libraryMapFigure } from '../../src/emit/pictures/map.js';
import { neighbourhoodData, neighbourhoodFigure } from '../../src/emit/pictures/neighbourhood.js';
import { CLUSTER_LIMIT, FULL_MAP_LIMIT, HUB_COUNT, planMap } from '../../src/emit/pictures/plan.js';
import type { Library, LinkedNote, NoteId, Relation } from '../../src/types.js';
import { compareCodePoints } from '../../src/util/sort.js';
import { bodiesOf, buildFixtureLibrary, copyInReverseOrder, emitFixture, FIXTURE_LIBRARY, fixtureConfig, HOSTILE_LIBRARY, shareBodies } from './build-fixture.js';
import { elements, parseHtml, textOf } from './parse-output.js';

const copies: string[] = [];

/** handbook.html of a library from buildFixtureLibrary (or sharing its bodies), with the fixture config. */
const handbookOf = (library: Library, memo?: EmitMemo): string => emitHandbookHtml(library, fixtureConfig(), { bodies: bodiesOf(library), memo });
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** Every `<svg>…</svg>` in a serialised page, in order (the pictures never nest one in another). */
const svgsOf = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

/** Parses `xml` as a strict XML parser would, throwing on any error or warning. */
function parseXml(xml: string): ReturnType<DOMParser['parseFromString']> {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'image/svg+xml');
}

/**
 * The library with typed relations added as the link stage will state them:
 * `out` on the declaring note, `in` on its target, sorted by type, direction, id.
 */
function withRelations(library: Library, relations: [string, string, string][]): Library {
  const extra = new Map<string, Relation[]>();
  const push = (id: string, relation: Relation): void => {
    extra.set(id, [...(extra.get(id) ?? []), relation]);
  };
  for (const [from, type, to] of relations) {
    push(from, { type, id: to as NoteId, direction: 'out' });
    push(to, { type, id: from as NoteId, direction: 'in' });
  }
  const notes = library.notes.map((linked): LinkedNote => {
    const added = extra.get(linked.note.id);
    if (!added) return linked;
    const all = [...linked.relations, ...added].sort((a, b) => compareCodePoints(a.type, b.type) || compareCodePoints(a.direction, b.direction) || compareCodePoints(a.id, b.id));
    return { ...linked, relations: all };
  });
  return shareBodies({ ...library, notes }, library);
}

const classes = (e: Element): string[] => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);
const mapOf = (library: Library): Element => {
  const figure = libraryMapFigure(libraryGraph(library, groupChapters(library, fixtureConfig())));
  if (!figure) throw new Error('no map');
  return parseHtml(serialiseHtml([figure])).children[0] as Element;
};
/** Segments (`M…L…`) in the edge path of `style`. */
const segments = (tree: Element, style: string): number =>
  elements(tree)
    .filter((e) => e.tagName === 'path' && classes(e).includes(`cp-edge-${style}`) && !elements(tree).some((g) => classes(g).includes('cp-legend') && elements(g).includes(e)))
    .reduce((n, e) => n + (String(e.properties.d).match(/M/g) ?? []).length, 0);

describe('the map and timeline in handbook.html', () => {
  it('should give byte-identical SVG across two builds, a reversed Library and files written in reverse order', async () => {
    const first = svgsOf(handbookOf(await buildFixtureLibrary()));
    // Map, timeline, and a neighbourhood for each essay with a link either way.
    expect(first.length).toBeGreaterThanOrEqual(4);
    const library = await buildFixtureLibrary();
    expect(svgsOf(handbookOf(library))).toEqual(first);
    const reversed = shareBodies({ ...library, notes: [...library.notes].reverse(), concepts: [...library.concepts].reverse() }, library);
    expect(svgsOf(handbookOf(reversed))).toEqual(first);
    const copy = copyInReverseOrder(FIXTURE_LIBRARY);
    copies.push(copy);
    expect(svgsOf(handbookOf(await buildFixtureLibrary(copy)))).toEqual(first);
  });

  it('should write every picture as well-formed XML, labelled and titled, in the handbook and on the site', async () => {
    for (const root of [FIXTURE_LIBRARY, HOSTILE_LIBRARY]) {
      const outputs = emitFixture(await buildFixtureLibrary(root), fixtureConfig());
      const pages = ['handbook.html', 'site/index.html', ...outputs.map((f) => f.name).filter((name) => name.startsWith('site/essays/'))];
      let count = 0;
      for (const name of pages) {
        for (const svg of svgsOf(outputText(outputs, name))) {
          const doc = parseXml(svg);
          const root = doc.documentElement!;
          expect(root.tagName).toBe('svg');
          expect(root.getAttribute('role')).toBe('img');
          expect(root.getAttribute('aria-label')).toMatch(/^(Map of the library|Timeline|Neighbourhood of this essay): .+\.$/);
          expect(root.getElementsByTagName('title')[0]!.parentNode).toBe(root);
          count++;
        }
      }
      expect(count).toBeGreaterThanOrEqual(4);
    }
  });

  it('should link the contents to the section, and list the undated essays apart as links to them', async () => {
    const library = await buildFixtureLibrary();
    // Deep Work loses its year: it leaves the timeline's lanes and is listed under it.
    const undated = shareBodies({ ...library, notes: library.notes.map((n) => (n.note.id === 'deep-work' ? { ...n, note: { ...n.note, meta: { ...n.note.meta, year: undefined } } } : n)) }, library);
    const tree = parseHtml(handbookOf(undated));
    const nav = elements(tree).find((e) => e.tagName === 'nav')!;
    expect(elements(nav).filter((e) => e.tagName === 'a').map((a) => [textOf(a), a.properties.href])[0]).toEqual(['Map and timeline', '#user-content-map']);
    const section = elements(tree).find((e) => e.tagName === 'section' && classes(e).includes('pictures'))!;
    expect(elements(section).find((e) => e.tagName === 'h2')!.properties.id).toBe('user-content-map');
    const timeline = elements(section).find((e) => classes(e).includes('cp-timeline-figure'))!;
    const list = elements(timeline).find((e) => classes(e).includes('cp-undated'))!;
    expect(textOf(list)).toBe('Undated (1): Deep Work.');
    expect(elements(list).find((e) => e.tagName === 'a')!.properties.href).toBe('#user-content-note-deep-work');
    // Four dated essays in the lanes; the fixture's chapters with a dated essay each have a lane.
    const marks = elements(timeline).filter((e) => classes(e).includes('cp-mark'));
    expect(marks.map((m) => textOf(m))).toEqual([
      "1968, Organisations: How Do Committees Invent?",
      "2020, Organisations: Amazon's Single-Threaded Model",
      "2009, Focus: Maker's Schedule, Manager's Schedule",
      '2015, Further reading: Choose Boring Technology',
    ]);
  });

  it('should carry hostile titles only as escaped text, never in an attribute', async () => {
    const html = handbookOf(await buildFixtureLibrary(HOSTILE_LIBRARY));
    const svgs = svgsOf(html).map((svg) => parseHtml(svg));
    const texts = svgs.map((tree) => textOf(tree)).join('\n');
    expect(texts).toContain('<img src=x onerror=alert(1)> Title');
    for (const tree of svgs) {
      for (const e of elements(tree)) for (const value of Object.values(e.properties)) expect(String(value)).not.toMatch(/[<>]|alert/);
    }
  });
});

describe('the pictures with the render memo', () => {
  it("should re-draw an essay's neighbourhood when a neighbour moves chapter, the essay itself unchanged, matching a cold build", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'commonplace-pictures-'));
    copies.push(root);
    cpSync(FIXTURE_LIBRARY, root, { recursive: true });
    const store = new Map<string, string>();
    const memo: EmitMemo = { get: (key) => store.get(key), set: (key, value) => void store.set(key, value) };
    const before = handbookOf(await buildFixtureLibrary(root), memo);
    // Committees links to the maker's schedule essay, which moves from Focus to Organisations.
    const file = path.join(root, 'makers-schedule.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('tags: [focus]', 'tags: [org-design]'));
    const warm = handbookOf(await buildFixtureLibrary(root), memo);
    const cold = handbookOf(await buildFixtureLibrary(root));
    expect(warm).toBe(cold);
    const committees = (html: string): string => svgsOf(html.slice(html.indexOf('id="user-content-note-committees"')))[0]!;
    expect(committees(warm)).not.toBe(committees(before));
    expect(committees(warm)).toContain('cp-chapter-0');
  });
});

describe('the map layout in the memo', () => {
  it('should lay the map out once for the handbook and the site, and not again in a warm build, with the same bytes as no memo', async () => {
    const library = await buildFixtureLibrary();
    const store = new Map<string, string>();
    const layouts: string[] = [];
    const memo: EmitMemo = {
      get: (key) => store.get(key),
      set: (key, value) => {
        if (key.startsWith('emit-map-layout:')) layouts.push(key);
        store.set(key, value);
      },
    };
    const plain = emitFixture(library, fixtureConfig());
    expect(emitFixture(library, fixtureConfig(), { memo })).toEqual(plain);
    expect(layouts).toHaveLength(1);
    expect(emitFixture(library, fixtureConfig(), { memo })).toEqual(plain);
    expect(layouts).toHaveLength(1);
  });
});

describe('edges and relations on the map', () => {
  it('should draw each relation type in its own style, an unknown type in the neutral one, and a relation instead of a link', async () => {
    const library = withRelations(await buildFixtureLibrary(), [
      // single-threaded already links to committees: the relation replaces that link on the map.
      ['single-threaded', 'builds-on', 'committees'],
      ['boring-tech', 'responds-to', 'makers-schedule'],
      ['deep-work', 'contradicts', 'makers-schedule'],
      ['deep-work', 'supports', 'single-threaded'],
      ['boring-tech', 'summarises', 'committees'],
      ['committees', 'parodies', 'deep-work'],
      // So does this one (committees links to makers-schedule); committees → single-threaded stays a link.
      ['committees', 'supports', 'makers-schedule'],
    ]);
    const plain = mapOf(await buildFixtureLibrary());
    const tree = mapOf(library);
    expect(segments(plain, 'link')).toBe(3);
    expect(segments(tree, 'link')).toBe(1);
    expect(['builds-on', 'responds-to', 'contradicts', 'supports', 'summarises', 'other'].map((style) => segments(tree, style))).toEqual([1, 1, 1, 2, 1, 1]);
    // Relations carry arrowheads (one triangle each), links none.
    const heads = elements(tree).filter((e) => classes(e).includes('cp-arrow') && !classes(e).includes('cp-arrow-link'));
    expect(heads.reduce((n, e) => n + (String(e.properties.d).match(/Z/g) ?? []).length, 0)).toBeGreaterThanOrEqual(7);
    // The legend names every style drawn; the unknown type's name appears nowhere in the markup.
    const legend = elements(tree).find((e) => classes(e).includes('cp-legend'))!;
    expect(elements(legend).filter((e) => classes(e).includes('cp-legend-text')).map(textOf).slice(-7)).toEqual(['links to', 'responds to', 'builds on', 'contradicts', 'supports', 'summarises', 'other relation']);
    expect(serialiseHtml([tree])).not.toContain('parodies');
  });

  it("should draw an essay's neighbourhood with its relations both ways and its links, arrows from the essay that states each", async () => {
    const library = withRelations(await buildFixtureLibrary(), [
      ['deep-work', 'contradicts', 'makers-schedule'],
      ['makers-schedule', 'builds-on', 'boring-tech'],
    ]);
    const ctxLookup = {
      title: (id: string) => library.notes.find((n) => n.note.id === id)?.note.meta.title,
      chapter: () => 0,
      chapterTitle: () => 'Focus',
    };
    const linked = library.notes.find((n) => n.note.id === 'makers-schedule')!;
    const data = neighbourhoodData(linked, ctxLookup)!;
    expect(data.neighbours.map((n) => [n.title, n.edges.map((e) => `${e.out ? 'out' : 'in'} ${e.style}`)])).toEqual([
      ['Choose Boring Technology', ['out builds-on']],
      ['Deep Work', ['in contradicts']],
      ['How Do Committees Invent?', ['in link']],
    ]);
    const tree = parseHtml(serialiseHtml([neighbourhoodFigure(data)]));
    const tooltips = elements(tree).filter((e) => e.tagName === 'circle' && classes(e).includes('cp-node') && !classes(e).includes('cp-centre')).map(textOf);
    expect(tooltips).toEqual(["This essay builds on Choose Boring Technology", 'Deep Work contradicts this essay', 'How Do Committees Invent? links to this essay']);
    expect(neighbourhoodData(library.notes.find((n) => n.note.id === 'boring-tech')!, ctxLookup)!.neighbours.map((n) => n.title)).toEqual(["Maker's Schedule, Manager's Schedule"]);
  });
});

/** A synthetic graph of `n` essays in 3 chapters and 50 topics (150 pairs of the two), each linking to the next two of its topic. */
function syntheticGraph(n: number): LibraryGraph {
  const id = (i: number): string => `n${String(i).padStart(6, '0')}`;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: id(i), title: `Essay ${i}`, chapter: i % 3, degree: 0, year: 1960 + (i % 60), topic: `topic-${i % 50}` }));
  const edges = nodes.flatMap((_, i) => [i + 50, i + 100].filter((j) => j < n).map((j) => ({ source: id(i), target: id(j), kind: i % 7 === 0 ? 'contradicts' : 'link' })));
  for (const e of edges) {
    nodes[Number(e.source.slice(1))]!.degree++;
    nodes[Number(e.target.slice(1))]!.degree++;
  }
  return { nodes, edges, chapters: ['One', 'Two', 'Three'] };
}

describe('large libraries', () => {
  it('should draw every essay up to the limit, and past it clusters that account for every essay', () => {
    expect(planMap(syntheticGraph(FULL_MAP_LIMIT)).items).toHaveLength(FULL_MAP_LIMIT);
    const graph = syntheticGraph(3000);
    const plan = planMap(graph);
    expect(plan.notice).toMatch(/^3,000 essays are too many to draw one by one: the 120 most linked essays are points, the others are 43 clusters by chapter and first tag/);
    const hubs = plan.items.filter((item) => !item.cluster);
    expect(hubs.length).toBe(HUB_COUNT);
    expect(plan.items.filter((item) => item.cluster).length).toBeLessThanOrEqual(CLUSTER_LIMIT + graph.chapters.length);
    expect(plan.items.reduce((sum, item) => sum + item.count, 0)).toBe(3000);
    // Relations keep their own style when bundled.
    expect(plan.lines.some((line) => line.style === 'contradicts')).toBe(true);
    // (3,000 - 50) + (3,000 - 100) edges.
    const figure = serialiseHtml([libraryMapFigure(graph)!]);
    expect(parseXml(svgsOf(figure)[0]!).documentElement!.getAttribute('aria-label')).toBe('Map of the library: 3,000 essays in 3 chapters, joined by 5,850 links and relations, clustered.');
  });

  it('should never let two placed labels overlap', () => {
    // 400 points packed in a small box: most labels cannot fit, and those placed must not touch.
    const targets = Array.from({ length: 200 }, (_, i) => ({ x: 20 + ((i * 37) % 560), y: 20 + ((i * 53) % 360), radius: 3, text: `Label ${i}` }));
    const placed = placeLabels(targets, { width: 600, height: 400, margin: 0 }, 11);
    const boxes = placed.flatMap((label) => {
      if (!label) return [];
      const width = label.text.length * 11 * CHAR_EM;
      const x0 = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
      const y0 = label.y - 11 * BASELINE;
      return [{ x0, x1: x0 + width, y0, y1: y0 + 11 * 1.2 }];
    });
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.length).toBeLessThan(200);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x0 < b.x1 - 0.2 && b.x0 < a.x1 - 0.2 && a.y0 < b.y1 - 0.2 && b.y0 < a.y1 - 0.2, `labels ${i} and ${j} overlap`).toBe(false);
      }
    }
  });
});
