import { BUILTIN_RELATIONS } from '../../link/relation-types.js';
import type { Span } from '../../types.js';
import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { relationsYaml, vocabularyOf } from '../relations.js';
import { defineRule } from '../rule.js';
import { closestMatch } from '../suggest.js';

/**
 * A name under `relations:` outside the vocabulary (the five built-in ones
 * and config `relationTypes`): the relation would be dropped from every
 * output. Reported once per name, at the name, with the closest known one.
 */
export default defineRule({
  id: 'relation-unknown-type',
  description: `Each name under \`relations:\` must be one of ${Object.keys(BUILTIN_RELATIONS).map((t) => `\`${t}\``).join(', ')} or a config \`relationTypes\` name; the closest is suggested.`,
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'builds-on': ['conway'], contradicts: ['spotify'] })}` })],
    notOk: [
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'build-on': ['conway'] })}` }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ refutes: ['conway'] })}` }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'respond-to': [] })}` }),
    ],
  },
  check(note, report, ctx) {
    const vocabulary = vocabularyOf(ctx);
    // Every name under `relations:`, an empty list's too (`build-on: []` is still a typo), at the name.
    const names = new Map<string, Span>(note.meta.relations.map((e) => [e.type, e.typeSpan]));
    for (const [name, at] of Object.entries(note.frontmatter?.fields.relations?.entries ?? {})) if (!names.has(name.trim())) names.set(name.trim(), at.key);
    for (const [name, span] of [...names].sort(([, a], [, b]) => a.line - b.line || a.column - b.column)) {
      if (vocabulary.has(name)) continue;
      const near = closestMatch(name, vocabulary.keys());
      const hint = near === null ? `; use one of ${[...vocabulary.keys()].join(', ')}, or add it to config "relationTypes"` : `; did you mean "${near}"?`;
      report({ message: `Unknown relation "${name}"${hint}`, ...span });
    }
  },
});
