import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-mapping.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-mapping', () => {
  exampleTests(rule);

  for (const yaml of ['- a\n- b', '42', '"just a string"']) {
    it(`should report front matter that is ${JSON.stringify(yaml)}`, () => {
      const found = lintFiles({ 'n.md': `---\n${yaml}\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}` }, { rules: [rule] });
      expect(found).toHaveLength(1);
      expect(found[0]!.message.toLowerCase()).toContain('mapping');
    });
  }
});
