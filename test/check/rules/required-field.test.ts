import { describe, expect, it } from 'vitest';
import { exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/required-field.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const lint = (frontmatter: string, config = defaultConfig) =>
  lintFiles({ 'n.md': exampleNote({ frontmatter }) }, { rules: [rule], config });

describe('required-field', () => {
  exampleTests(rule);

  it('should report each missing field at the opening fence, naming it', () => {
    const found = lint('title: Only a title');
    expect(found.map(where)).toEqual(['required-field@1:1', 'required-field@1:1', 'required-field@1:1']);
    expect(found.map((d) => /"(\w+)"/.exec(d.message)?.[1]).sort()).toEqual(['author', 'source', 'year']);
  });

  it('should report an empty value at its own line', () => {
    const found = lint('title: A\nauthor:\nyear: 2020\nsource: https://example.com/a');
    expect(found.map(where)).toEqual(['required-field@3:1']);
    expect(found[0]!.message).toContain('empty');
  });

  it('should follow config.requiredFields', () => {
    const config = { ...defaultConfig, requiredFields: ['title', 'venue'] };
    const found = lint('title: A', config);
    expect(found.map((d) => d.message)).toEqual(['Missing required field "venue"; add `venue: …` to the front matter']);
  });

  it('should say nothing when the front matter could not be read (other rules do)', () => {
    expect(lint('title: "unclosed\nauthor: [')).toEqual([]);
  });
});
