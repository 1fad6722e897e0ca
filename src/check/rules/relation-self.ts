import { exampleLibrary } from '../examples.js';
import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { at, knownEntries, relationsYaml } from '../relations.js';
import { defineRule } from '../rule.js';

const other = exampleNote({ frontmatter: 'title: How Do Committees Invent?\nauthor: Melvin Conway\nyear: 1968\nsource: https://example.com/conway' });

/** A note that names itself under `relations:` (by id, title or alias): meaningless, and left out of the outputs. */
export default defineRule({
  id: 'relation-self',
  description: 'A note must not be related to itself under `relations:` (by its id, title or alias).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleLibrary({ 'example.md': exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'builds-on': ['conway'] })}` }), 'conway.md': other })],
    notOk: [exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\n${relationsYaml({ 'builds-on': ["Amazon's single-threaded model"] })}` })],
  },
  check(note, report, ctx) {
    for (const { entry, to } of knownEntries(note, ctx)) {
      if (to !== note.id) continue;
      report({ message: `"${entry.target}" is this note: a note cannot ${entry.type} itself; name another note or remove the item`, ...at(entry) });
    }
  },
});
