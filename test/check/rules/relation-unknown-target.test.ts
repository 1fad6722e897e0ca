/**
 * relation-unknown-target (one of the relation rules) on small libraries through the real reader and runner:
 * each reports at the `relations:` item (or the relation's name), with the
 * closest name suggested, and `relation-unknown-target` fixes an unambiguous
 * typo through `fixFile` with the library's other notes.
 */
import { describe, expect, it } from 'vitest';
import { fixFile } from '../../../src/check/fix.js';
import relationUnknownTarget from '../../../src/check/rules/relation-unknown-target.js';
import { defaultConfig } from '../../../src/config.js';
import { noteFromText } from '../../../src/read/parse.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const note = (title: string, id: string, relations = '') =>
  `---\ntitle: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${id}${relations === '' ? '' : `\n${relations}`}\n---\n\nSummary.\n`;
const conway = note('How Do Committees Invent?', 'conway', "aliases: [Conway's paper]");
const spotify = note('Scaling Agile at Spotify', 'spotify');

describe('relation-unknown-target', () => {
  exampleTests(relationUnknownTarget);

  it('should report the item, suggesting the closest title, with a fix that writes it', () => {
    const text = note('A', 'a', 'relations:\n  builds-on:\n    - How Do Comittees Invent?\n    - spotify');
    const found = lintFiles({ 'a.md': text, 'conway.md': conway, 'spotify.md': spotify }, { rules: [relationUnknownTarget] });
    expect(found.map(where)).toEqual(['relation-unknown-target@8:7']);
    expect(found[0]!.message).toBe('No note "How Do Comittees Invent?" for "builds-on": no file name, title or alias matches; did you mean "How Do Committees Invent?"?');
    const source = noteFromText('a.md', text).source;
    expect(source.slice(found[0]!.fix!.start, found[0]!.fix!.end)).toBe('How Do Comittees Invent?');
    expect(found[0]!.fix!.text).toBe('How Do Committees Invent?');
  });

  it('should fix a typo through fixFile only when given the other notes, and quote a name YAML would misread', () => {
    const others = [noteFromText('conway.md', conway), noteFromText('spotify.md', note('"Scaling: Agile, at Spotify"', 'spotify'))];
    const text = note('A', 'a', 'relations:\n  builds-on: [How Do Comittees Invent?, "Scaling: Agile, at Spotfy"]');
    const bytes = new TextEncoder().encode(text);
    expect(fixFile({ path: 'a.md', bytes }, defaultConfig).applied).toBe(0);
    const fixed = fixFile({ path: 'a.md', bytes }, defaultConfig, [], others);
    expect(fixed.text).toContain('builds-on: [How Do Committees Invent?, "Scaling: Agile, at Spotify"]');
    expect(noteFromText('a.md', fixed.text!).meta.relations.map((r) => r.target)).toEqual(['How Do Committees Invent?', 'Scaling: Agile, at Spotify']);
  });

  it('should suggest but not fix when two names are as close', () => {
    const files = { 'a.md': note('A', 'a', 'relations:\n  builds-on: [Essay C]'), 'b.md': note('Essay B', 'b'), 'd.md': note('Essay D', 'd') };
    const [found] = lintFiles(files, { rules: [relationUnknownTarget] });
    expect(found!.message).toContain('did you mean "Essay B"?');
    expect(found!.fix).toBeUndefined();
  });

  it('should not take a concept for a note', () => {
    const found = lintFiles({ 'a.md': note('A', 'a', "relations:\n  builds-on: [Conway's law]") }, { rules: [relationUnknownTarget], concepts: [{ name: "Conway's law" }] });
    expect(found.map(where)).toEqual(['relation-unknown-target@7:15']);
  });
});
