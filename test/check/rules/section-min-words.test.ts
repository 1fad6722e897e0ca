import { describe, expect, it } from 'vitest';
import { exampleNote, EXAMPLE_SECTION_TEXT as T } from '../../../src/check/example-note.js';
import rule from '../../../src/check/rules/section-min-words.js';
import { defaultConfig } from '../../../src/config.js';
import { lintFiles, where } from '../harness.js';
import { loadTemplate, renderTemplate } from '../../../src/scaffold/template.js';
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

  // Issue 20: a fresh note from `new` got 7 errors, each TODO-only section reported by both rules.
  it('should leave a section holding only a template prompt to the placeholder rule: a fresh note gets one error per prompt', () => {
    const fresh = renderTemplate(loadTemplate('/nonexistent'), { title: 'T', authors: ['A'], year: 2020, source: 'https://example.com/t', venue: null, kind: 'essay', tags: [], concepts: [] });
    const found = lintFiles({ 'fresh.md': fresh }).filter((d) => d.severity === 'error');
    expect(found.map(where)).toEqual(['placeholder@9:1', 'placeholder@13:1', 'placeholder@17:1', 'placeholder@21:1']);
  });

  it('should still report a prompt-only section when the placeholder rule is off', () => {
    const config = { ...defaultConfig, rules: { placeholder: 'off' as const } };
    expect(lintFiles({ 'n.md': withCritique('TODO: write the critique.\n\n') }, { rules: [rule], config })).toHaveLength(1);
    expect(lintFiles({ 'n.md': withCritique('TODO: write the critique.\n\n') }, { rules: [rule] })).toEqual([]);
  });
});
