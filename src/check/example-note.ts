/**
 * A complete, valid note for rule examples, with any part swapped out, so
 * each example shows only what its rule is about (and is otherwise clean:
 * every section over 25 words, the summary over 10).
 */

/** The example note's front matter (between the fences). */
export const EXAMPLE_FRONTMATTER = `title: Amazon's single-threaded model
author: Pedro Gallego
year: 2020
source: https://example.com/single-threaded-model`;

/** The example note's summary paragraph. */
export const EXAMPLE_SUMMARY =
  "Gallego's post on Amazon's single-threaded leader model: any important initiative gets a leader whose only job is that initiative.";

const CENTRAL =
  'Any initiative that matters enough to pursue deserves a dedicated leader whose sole responsibility is that initiative. Split attention at the top is a structural tax on execution, not a personal failing of the people involved.';
const CRITIQUE =
  'The model assumes an abundant supply of capable leaders. Most organisations face a talent constraint that makes a dedicated owner a luxury, and the post does not say how to choose which initiatives earn one.';
const WHY =
  'When an initiative underperforms, the first question is whether its leader has a single thread or a divided one. Organisational design is a root cause to rule out before blaming strategy or execution.';

/** The three required sections, in order, each well over 25 words. */
export const EXAMPLE_BODY = `## Central argument

${CENTRAL}

## Critique

${CRITIQUE}

## Why it matters

${WHY}
`;

/** Section texts by key, for examples that rebuild the body. */
export const EXAMPLE_SECTION_TEXT = { centralArgument: CENTRAL, critique: CRITIQUE, whyItMatters: WHY } as const;

/** A whole note: front matter, summary and body, each replaceable. */
export function exampleNote(parts: { frontmatter?: string; summary?: string; body?: string } = {}): string {
  const frontmatter = parts.frontmatter ?? EXAMPLE_FRONTMATTER;
  const summary = parts.summary ?? EXAMPLE_SUMMARY;
  const body = parts.body ?? EXAMPLE_BODY;
  return `---\n${frontmatter}\n---\n\n${summary === '' ? '' : `${summary}\n\n`}${body}`;
}
