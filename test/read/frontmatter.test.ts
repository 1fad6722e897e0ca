import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { LineIndex } from '../../src/read/lines.js';
import { readFrontmatter } from '../../src/read/frontmatter.js';
import { isReadFailure, parseNote } from '../../src/read/parse.js';
import type { WholeNote as Note } from '../../src/types.js';
import { fixture, fixtureInput } from './helpers.js';

const read = (rel: string, config = defaultConfig): Note => {
  const result = parseNote(fixtureInput(rel), config);
  if (isReadFailure(result)) throw new Error(result.diagnostic.message);
  return result;
};
const kinds = (note: Note) => note.frontmatter?.problems.map((p) => p.kind);
const marker = path.join(tmpdir(), 'commonplace-read-marker');
const languageFixtures = [
  ['lang-js.md', 'js', 3],
  ['lang-javascript.md', 'javascript', 3],
  ['lang-js-upper.md', 'JS', 3],
  ['lang-javascript-mixed.md', 'JavaScript', 3],
  ['lang-space-js.md', 'js', 3],
  ['lang-js-crlf.md', 'js', 3],
  ['lang-js-esm.md', 'js', 4],
  ['lang-coffee.md', 'coffee', 3],
  ['lang-constructor.md', 'constructor', 3],
  ['lang-toString.md', 'toString', 3],
  ['lang-hasOwnProperty.md', 'hasOwnProperty', 3],
] as const;

describe('front matter languages', () => {
  afterAll(() => rmSync(marker, { force: true }));

  it.each(languageFixtures)('should report %s as language "%s" and parse nothing', (file, language, endLine) => {
    rmSync(marker, { force: true });
    const note = read(`frontmatter/${file}`);
    expect(note.frontmatter).toMatchObject({ language, data: null, keyOrder: [], startLine: 1, endLine });
    expect(note.frontmatter?.problems).toEqual([
      { kind: 'language', message: `front-matter language "${language}" not allowed; use plain --- YAML`, line: 1, column: 1, endLine: 1, endColumn: 4 + (file === 'lang-space-js.md' ? 3 : language.length) },
    ]);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync('commonplace-read-marker')).toBe(false);
  });

  it('should keep the code block out of the body: no heading, the summary starts after it', () => {
    const note = read('frontmatter/lang-js.md');
    expect(note.text).not.toContain('writeFileSync');
    expect(note.summary?.line).toBe(5);
    expect(note.sections.map((s) => s.heading)).toEqual(['Central argument']);
  });

  it('should use a payload that really writes the marker when run (so the no-marker check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-marker-'));
    try {
      const code = new TextDecoder().decode(fixture('frontmatter/lang-js.md')).split('\n')[1]!;
      execFileSync(process.execPath, ['-e', code], { env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir } });
      expect(existsSync(path.join(dir, 'commonplace-read-marker'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('front matter shape', () => {
  it('should report an unterminated block at line 1 and keep the body', () => {
    const note = read('frontmatter/unterminated.md');
    expect(note.frontmatter).toMatchObject({ startLine: 1, endLine: 1, data: null });
    expect(note.frontmatter?.problems).toMatchObject([{ kind: 'unterminated', line: 1, column: 1 }]);
    expect(note.summary?.text).toContain('The body follows and must not be swallowed.');
    expect(note.sections.map((s) => [s.heading, s.line])).toEqual([['Central argument', 7]]);
  });

  it('should report a scalar and a list as not a mapping', () => {
    expect(kinds(read('frontmatter/scalar.md'))).toEqual(['not-mapping']);
    expect(read('frontmatter/scalar.md').frontmatter?.problems[0]?.message).toContain('a single value; it must be a mapping');
    expect(read('frontmatter/list.md').frontmatter?.problems).toMatchObject([{ kind: 'not-mapping', line: 2, column: 1 }]);
    expect(read('frontmatter/list.md').frontmatter?.data).toBeNull();
  });

  it('should refuse a block over the size cap before parsing it', () => {
    const note = read('frontmatter/too-large.md');
    expect(note.frontmatter?.problems).toMatchObject([{ kind: 'too-large', line: 1 }]);
    expect(note.frontmatter?.problems[0]?.message).toContain('over the 64.0 KiB limit (maxFrontmatterBytes)');
    expect(note.frontmatter?.data).toBeNull();
    // The same block under a larger cap parses, so it is the cap that refused it.
    expect(read('frontmatter/too-large.md', { ...defaultConfig, maxFrontmatterBytes: 1024 * 1024 }).frontmatter?.data?.title).toBe('Large');
  });

  it('should refuse brackets nested past the limit without handing them to the YAML parser', () => {
    const started = performance.now();
    const note = read('frontmatter/deep-flow.md');
    expect(note.frontmatter?.problems).toMatchObject([{ kind: 'yaml', line: 3 }]);
    expect(note.frontmatter?.problems[0]?.message).toContain('more than 100 levels deep');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('should refuse block nesting past the limit (20,000 levels of "- " abort the process inside yaml)', () => {
    const note = read('frontmatter/deep-block.md');
    expect(note.frontmatter?.problems).toMatchObject([{ kind: 'yaml', line: 4, column: 1 }]);
    expect(note.frontmatter?.problems[0]?.message).toBe('front matter is indented or nested more than 400 columns deep; flatten it');
    expect(note.summary?.text).toBe('A summary paragraph.');
  });

  it('should still read ordinary indented lists and maps', () => {
    const text = '---\ntitle: x\nauthor:\n  - A\n  - B\nmeta:\n  nested:\n    - key: value\n---\n';
    const note = parseNote({ path: 'x.md', bytes: new TextEncoder().encode(text) }, defaultConfig);
    expect(isReadFailure(note) ? null : note.frontmatter?.data).toEqual({ title: 'x', author: ['A', 'B'], meta: { nested: [{ key: 'value' }] } });
  });

  it('should read an empty block as an empty mapping and no block as null', () => {
    expect(read('frontmatter/empty.md').frontmatter).toMatchObject({ data: {}, problems: [], endLine: 2 });
    expect(read('frontmatter/none.md').frontmatter).toBeNull();
  });

  it('should find the same block as remark-frontmatter (the yaml node spans the fences)', () => {
    const note = read('notes/good.md');
    const yaml = note.tree.children[0]!;
    expect(yaml.type).toBe('yaml');
    expect(yaml.position?.start.offset).toBe(note.frontmatter?.start);
    expect(yaml.position?.end.offset).toBe(note.frontmatter?.end);
    expect(yaml.position?.end.line).toBe(note.frontmatter?.endLine);
  });

  it('should not take a four-dash line or a fence after line 1 as front matter', () => {
    const text = '----\ntitle: x\n----\n\nBody.\n';
    expect(readFrontmatter(text, new LineIndex(text), defaultConfig).frontmatter).toBeNull();
    const later = '\n---\ntitle: x\n---\n';
    expect(readFrontmatter(later, new LineIndex(later), defaultConfig).frontmatter).toBeNull();
  });
});

describe('YAML values', () => {
  it('should report a duplicate key at the second key and keep the first value', () => {
    const note = read('frontmatter/duplicate-key.md');
    expect(note.frontmatter?.problems).toEqual([
      { kind: 'duplicate-key', message: 'duplicate key "title" in front matter; keep only one (the first is used)', line: 4, column: 1, endLine: 4, endColumn: 6 },
    ]);
    expect(note.frontmatter?.data?.title).toBe('a');
    expect(note.frontmatter?.keyOrder).toEqual(['title', 'year']);
  });

  it('should keep YAML 1.2 core values: dates, NO, yes and 1:30 as strings, 012345 never octal', () => {
    const data = read('frontmatter/values.md').frontmatter?.data;
    expect(data?.date).toBe('2020-01-01');
    expect(data?.country).toBe('NO');
    expect(data?.draft).toBe('yes');
    expect(data?.time).toBe('1:30');
    expect(data?.zip).not.toBe(5349);
    expect(data?.zip).toBe(12345);
    expect(data?.octal).toBe(12);
    expect(data?.empty).toBeNull();
    expect(data?.number).toBe(123);
    expect(data?.list).toEqual(['a', 'b']);
  });

  it('should record each key and value position and the key order', () => {
    const frontmatter = read('frontmatter/values.md').frontmatter!;
    expect(frontmatter.keyOrder).toEqual(['title', 'date', 'country', 'draft', 'zip', 'time', 'octal', 'empty', 'number', 'list']);
    expect(frontmatter.fields.date).toEqual({
      key: { line: 3, column: 1, endLine: 3, endColumn: 5 },
      value: { line: 3, column: 7, endLine: 3, endColumn: 17 },
    });
    expect(frontmatter.fields.empty?.value).toMatchObject({ line: 9, column: 7 });
  });

  it('should refuse a 9×9 alias bomb in milliseconds, before building any value', () => {
    const started = performance.now();
    const note = read('frontmatter/alias-bomb.md');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(note.frontmatter?.problems).toMatchObject([{ kind: 'alias', line: 2 }]);
    expect(note.frontmatter?.data).toBeNull();
  });

  it('should refuse a single anchor and alias too', () => {
    expect(read('frontmatter/anchor.md').frontmatter?.problems[0]?.message).toBe(
      'YAML anchors and aliases (&name, *name) are not allowed in front matter; write each value out',
    );
  });

  it('should give YAML syntax errors the file line, not the block line', () => {
    const problems = read('frontmatter/invalid-yaml.md').frontmatter?.problems ?? [];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.kind === 'yaml' && p.message.startsWith('invalid YAML: '))).toBe(true);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('should keep __proto__ and constructor as plain keys without polluting any prototype', () => {
    const data = read('frontmatter/proto.md').frontmatter!.data!;
    expect(Object.keys(data)).toEqual(['title', '__proto__', 'constructor', 'nested']);
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect((data.nested as Record<string, unknown>)['__proto__']).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('NoteMeta', () => {
  it('should read the known fields of a good note', () => {
    expect(read('notes/good.md').meta).toEqual({
      title: "Maker's Schedule, Manager's Schedule",
      authors: ['Paul Graham'],
      year: 2009,
      source: 'https://paulgraham.com/makersschedule.html',
      venue: 'paulgraham.com',
      kind: 'essay',
      tags: ['time', 'focus'],
      concepts: ['deep work'],
      aliases: [],
      relations: [],
    });
  });

  it('should leave ill-typed fields out (undefined or empty) for the check stage to report', () => {
    expect(read('frontmatter/ill-typed.md').meta).toEqual({
      authors: [],
      kind: 'essay',
      tags: [],
      concepts: ['a', 'b'],
      aliases: ['Alt title'],
      relations: [],
    });
  });
});
