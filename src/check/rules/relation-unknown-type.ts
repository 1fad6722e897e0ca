import { BUILTIN_RELATIONS } from '../../link/relation-types.js';
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
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'build-on': ['conway'] })}` }), exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ refutes: ['conway'] })}` })],
  },
  check(note, report, ctx) {
    const vocabulary = vocabularyOf(ctx);
    const seen = new Set<string>();
    for (const entry of note.meta.relations) {
      if (vocabulary.has(entry.type) || seen.has(entry.type)) continue;
      seen.add(entry.type);
      const near = closestMatch(entry.type, vocabulary.keys());
      const hint = near === null ? `; use one of ${[...vocabulary.keys()].join(', ')}, or add it to config "relationTypes"` : `; did you mean "${near}"?`;
      report({ message: `Unknown relation "${entry.type}"${hint}`, ...entry.typeSpan });
    }
  },
});
