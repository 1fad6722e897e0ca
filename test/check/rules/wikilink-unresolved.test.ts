import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/wikilink-unresolved.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const fm = (title: string, extra = '') => `title: ${title}\nauthor: B\nyear: 2020\nsource: https://example.com/${encodeURIComponent(title)}${extra}`;
const withLinks = (links: string) => exampleNote({ frontmatter: fm('Linking note'), summary: `${EXAMPLE_SUMMARY} ${links}` });
const library = (links: string) => ({
  'linking.md': withLinks(links),
  'topologies.md': exampleNote({ frontmatter: fm('Team Topologies', '\naliases: [TT book]') }),
});

describe('wikilink-unresolved', () => {
  exampleTests(rule);

  it('should resolve titles, aliases, file names, concepts, labels and headings', () => {
    const links = '[[team topologies]] [[TT book]] [[topologies]] [[Conway’s law]] [[Team Topologies|the book]] [[Team Topologies#Critique]]';
    expect(lintFiles(library(links), { rules: [rule], concepts: [{ name: "Conway's law" }] })).toEqual([]);
  });

  it('should report at the link with the closest name', () => {
    const found = lintFiles(library('[[Team Topolgies]] and [[Nothing like it at all]]'), { rules: [rule] });
    expect(found.map(where)).toEqual([`wikilink-unresolved@8:${EXAMPLE_SUMMARY.length + 2}`, `wikilink-unresolved@8:${EXAMPLE_SUMMARY.length + 25}`]);
    expect(found[0]!.message).toContain('did you mean "Team Topologies"?');
    expect(found[1]!.message).not.toContain('did you mean');
    expect(found.every((d) => d.file === 'linking.md' && d.severity === 'error')).toBe(true);
  });
});
