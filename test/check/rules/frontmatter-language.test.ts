import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/frontmatter-language.js';
import { lintFiles, where } from '../harness.js';
import { exampleTests } from './suite.js';

describe('frontmatter-language', () => {
  exampleTests(rule);

  const marker = path.join(mkdtempSync(path.join(tmpdir(), 'cp-lang-')), 'pwned');
  const payload = `{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }`;
  for (const fence of ['---js', '---JS', '---javascript', '---JavaScript', '--- js', '---coffee', '---toString']) {
    it(`should report "${fence}" at line 1 as not allowed, and run nothing`, () => {
      for (const eol of ['\n', '\r\n']) {
        const text = `${fence}${eol}${payload}${eol}---${eol}${eol}${EXAMPLE_SUMMARY}${eol}${eol}${EXAMPLE_BODY}`;
        const found = lintFiles({ 'n.md': text }, { rules: [rule] });
        expect(found.map(where)).toEqual(['frontmatter-language@1:1']);
        expect(found[0]!.message.toLowerCase()).toContain('not allowed');
      }
      expect(existsSync(marker)).toBe(false);
    });
  }
});
