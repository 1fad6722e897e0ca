import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { loadGlossary } from '../../src/link/glossary.js';
import { isReadFailure, parseNote } from '../../src/read/parse.js';
import type { WholeNote as Note } from '../../src/types.js';
import { generateCorpus } from '../../scripts/gen-corpus.js';

const temps: string[] = [];
const generate = (seed: string, count = 12, words = 600): string => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'cp-corpus-'));
  temps.push(out);
  generateCorpus({ out, count, seed, words });
  return out;
};
const snapshot = (dir: string): Map<string, string> =>
  new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]));

let library: string;
let notes: Note[];

beforeAll(() => {
  library = generate('tests', 30, 500);
  notes = readdirSync(library)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const value = parseNote({ path: f, bytes: readFileSync(path.join(library, f)) }, defaultConfig);
      if (isReadFailure(value)) throw new Error(`${f}: ${value.diagnostic.message}`);
      return value;
    });
});
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('generateCorpus', () => {
  it('should write byte-identical files for the same seed, count and length', () => {
    expect(snapshot(generate('same'))).toEqual(snapshot(generate('same')));
  });

  it('should write different notes for a different seed', () => {
    const a = snapshot(generate('one'));
    const b = snapshot(generate('two'));
    expect([...a.keys()]).not.toEqual([...b.keys()]);
  });

  it('should write the requested number of notes and a glossary', () => {
    expect(notes).toHaveLength(30);
    expect(readdirSync(library)).toContain('concepts.yml');
  });

  it('should give every note a unique title and source and the required fields', () => {
    expect(new Set(notes.map((n) => n.meta.title)).size).toBe(notes.length);
    expect(new Set(notes.map((n) => n.meta.source)).size).toBe(notes.length);
    for (const note of notes) {
      expect(note.frontmatter?.problems).toEqual([]);
      expect(note.meta.authors.length).toBeGreaterThan(0);
      expect(note.meta.year).toBeGreaterThanOrEqual(defaultConfig.minYear);
      expect(note.meta.source).toMatch(/^https:\/\//);
    }
  });

  it('should give every note a summary and the three sections, in order, above the word minimum', () => {
    for (const note of notes) {
      expect(note.summary?.wordCount ?? 0).toBeGreaterThanOrEqual(defaultConfig.minSummaryWords);
      expect(note.sections.map((s) => s.key)).toEqual(['centralArgument', 'critique', 'whyItMatters']);
      for (const section of note.sections) expect(section.wordCount).toBeGreaterThanOrEqual(defaultConfig.minSectionWords);
    }
  });

  it('should reach about the requested length', () => {
    const mean = notes.reduce((sum, n) => sum + n.wordCount, 0) / notes.length;
    expect(mean).toBeGreaterThan(400);
    expect(mean).toBeLessThan(750);
  });

  it('should write a glossary that loads cleanly and covers every concept the notes declare', () => {
    const glossary = loadGlossary(library, defaultConfig);
    expect(glossary.diagnostics).toEqual([]);
    const names = new Set(glossary.concepts.map((c) => c.name));
    for (const note of notes) for (const concept of note.meta.concepts) expect(names).toContain(concept);
  });

  it('should only wikilink to generated titles or glossary concepts, and link some notes', () => {
    const titles = new Set(notes.map((n) => n.meta.title));
    const concepts = new Set(loadGlossary(library, defaultConfig).concepts.flatMap((c) => [c.name, ...c.aliases]));
    const targets = notes.flatMap((n) => n.wikilinks.map((w) => w.target));
    expect(targets.filter((t) => titles.has(t)).length).toBeGreaterThan(notes.length / 2);
    for (const target of targets) expect(titles.has(target) || concepts.has(target)).toBe(true);
  });

  it('should mention declared concepts in the prose so cross-linking has work to do', () => {
    for (const note of notes) {
      const text = note.text.toLowerCase();
      expect(note.meta.concepts.some((c) => text.includes(c.toLowerCase()))).toBe(true);
    }
  });
});

describe('generated notes through the real CLI', () => {
  it('should lint clean: no errors, warnings or suggestions', () => {
    const dir = generate('lint-clean', 20, 500);
    const cli = path.resolve(import.meta.dirname, '../../bin/commonplace.js');
    const result = spawnSync(process.execPath, [cli, 'lint', '--library', dir, '--format', 'json'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as { filePath: string; messages: unknown[] }[];
    expect(files.flatMap((f) => f.messages.map((m) => ({ file: path.basename(f.filePath), m })))).toEqual([]);
    expect(result.status).toBe(0);
  });
});
