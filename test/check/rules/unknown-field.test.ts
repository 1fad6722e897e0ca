import { describe, expect, it } from 'vitest';
import { EXAMPLE_FRONTMATTER, exampleNote } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/unknown-field.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

const lint = (frontmatter: string, config = defaultConfig) =>
  lintFiles({ 'n.md': exampleNote({ frontmatter }) }, { rules: [rule], config });

describe('unknown-field', () => {
  exampleTests(rule);

  it('should warn at the key, with the closest known field', () => {
    const found = lint(`${EXAMPLE_FRONTMATTER}\nauhtor: Someone`);
    expect(found.map(where)).toEqual(['unknown-field@6:1']);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toBe('Unknown front-matter field "auhtor"; did you mean "author"?');
  });

  it('should list the known fields when nothing is close', () => {
    expect(lint(`${EXAMPLE_FRONTMATTER}\nzzzzzzzz: 1`)[0]!.message).toContain('known fields: title, author');
  });

  it('should accept fields the config requires', () => {
    const config = { ...defaultConfig, requiredFields: [...defaultConfig.requiredFields, 'isbn'] };
    expect(lint(`${EXAMPLE_FRONTMATTER}\nisbn: "978-0"`, config)).toEqual([]);
  });
});
