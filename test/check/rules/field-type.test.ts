import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/field-type.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const base = 'title: A\nauthor: B\nyear: 2020\nsource: https://example.com/a';
const lint = (frontmatter: string, config = defaultConfig) =>
  lintFiles({ 'n.md': exampleNote({ frontmatter }) }, { rules: [rule], config });

describe('field-type', () => {
  exampleTests(rule);

  it('should report each bad field at its own line', () => {
    const found = lint('title: 123\nauthor: [A, 7]\nyear: "2020"\nsource: javascript:alert(1)\nkind: esay\ntags: one');
    expect(found.map((d) => `${d.line}:${d.message.slice(0, d.message.indexOf(':'))}`)).toEqual([
      '2:Field "title"',
      '3:Field "author"',
      '4:Field "year"',
      '5:Field "source"',
      '6:Field "kind"',
      '7:Field "tags"',
    ]);
    expect(found[2]!.message).toContain('remove the quotes');
    expect(found[4]!.message).toContain('did you mean "essay"?');
    expect(found[5]!.message).toContain('["one"]');
  });

  it('should accept an author list, every kind and list fields', () => {
    for (const kind of ['essay', 'book', 'paper', 'talk', 'post']) {
      expect(lint(`title: A\nauthor: [A, B]\nyear: 2020\nsource: http://example.com/a\nkind: ${kind}\ntags: [x]\nconcepts: []\naliases: [Other name]`)).toEqual([]);
    }
  });

  it('should keep year within config.minYear..maxYear', () => {
    expect(lint(base.replace('2020', '1850'), { ...defaultConfig, minYear: 1900 })[0]?.message).toContain('from 1900 to 2100');
    expect(lint(base.replace('2020', '2020.5'))).toHaveLength(1);
  });

  it('should treat YAML 1.2 core values as written (NO stays a string title)', () => {
    expect(lint(base.replace('title: A', 'title: NO'))).toEqual([]);
  });

  it('should reject URLs without a host or with another scheme', () => {
    for (const url of ['https://', 'ftp://example.com/a', 'example.com/a', 'data:text/html,x']) {
      expect(lint(base.replace('https://example.com/a', JSON.stringify(url))), url).toHaveLength(1);
    }
  });
});
