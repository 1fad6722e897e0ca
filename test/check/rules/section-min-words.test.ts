import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/section-min-words.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles } from '../harness.js';
import { exampleTests } from './suite.js';

const withCritique = (critique: string) =>
  exampleNote({ body: `## Central argument\n\n${T.centralArgument}\n\n## Critique\n\n${critique}## Why it matters\n\n${T.whyItMatters}\n` });

describe('section-min-words', () => {
  exampleTests(rule);

  it('should give the word count and the threshold', () => {
    const found = lintFiles({ 'n.md': withCritique('Far too short to count.\n\n') }, { rules: [rule] });
    expect(found.map((d) => d.message)).toEqual(['Section "Critique" has 5 words; expected at least 25 (minSectionWords)']);
  });

  it('should call an empty section empty, whatever the threshold', () => {
    const config = { ...defaultConfig, minSectionWords: 0 };
    expect(lintFiles({ 'n.md': withCritique('') }, { rules: [rule], config }).map((d) => d.message)).toEqual([
      'Section "Critique" is empty; write at least 1 word',
    ]);
  });

  it('should follow config.minSectionWords', () => {
    const config = { ...defaultConfig, minSectionWords: 5 };
    expect(lintFiles({ 'n.md': withCritique('Far too short to count.\n\n') }, { rules: [rule], config })).toEqual([]);
  });
});
