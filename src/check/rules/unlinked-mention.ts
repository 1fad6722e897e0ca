import { exampleNote, EXAMPLE_SUMMARY } from '../example-note.js';
import { memoize } from '../memo.js';
import { defineRule } from '../rule.js';
import { createConceptLookup } from '../../link/glossary.js';
import type { Mention } from '../../types.js';

/**
 * Obsidian's "unlinked mentions" as a suggestion: the note names another
 * note or a concept in prose but never links it. Reported once per target
 * per note (at the first mention), and not at all when the note links the
 * target somewhere or declares the concept in its `concepts:` field.
 */
export default defineRule({
  id: 'unlinked-mention',
  description: 'A note that names another note or a concept in prose without ever linking it gets a suggestion to add a [[link]].',
  severity: 'info',
  scope: 'note',
  examples: {
    concepts: [{ name: "Conway's law" }],
    ok: [
      exampleNote({ summary: `${EXAMPLE_SUMMARY} It echoes [[Conway's law]], and Conway's law again.` }),
      exampleNote({ summary: `${EXAMPLE_SUMMARY} Nothing else is named here.` }),
    ],
    notOk: [exampleNote({ summary: `${EXAMPLE_SUMMARY} Read it next to Conway's law.` })],
  },
  check(note, report, ctx) {
    const mentions = ctx.mentions.get(note.id) ?? [];
    if (mentions.length === 0) return;
    const linked = new Set(mentions.filter((m) => m.linked).map((m) => `${m.kind}:${m.target}`));
    const lookup = memoize(ctx.concepts, 'conceptLookup', () => createConceptLookup(ctx.concepts));
    for (const name of note.meta.concepts) {
      const concept = lookup(name);
      if (concept) linked.add(`concept:${concept.id}`);
    }
    const first = new Map<string, Mention>();
    for (const mention of mentions) {
      const key = `${mention.kind}:${mention.target}`;
      if (mention.linked || linked.has(key) || first.has(key)) continue;
      if (mention.kind === 'note' && mention.target === note.id) continue;
      first.set(key, mention);
    }
    const names = memoize(ctx, 'unlinkedMentionNames', () => {
      const map = new Map<string, string>();
      for (const c of ctx.concepts) map.set(`concept:${c.id}`, c.name);
      for (const n of ctx.notes) if (n.meta.title !== undefined) map.set(`note:${n.id}`, n.meta.title);
      return map;
    });
    for (const [key, mention] of first) {
      const name = names.get(key);
      const label = name ?? mention.text;
      report({
        message: `Unlinked mention of ${mention.kind} "${label}"; link it as [[${label}]]`,
        line: mention.line,
        column: mention.column,
        endLine: mention.endLine,
        endColumn: mention.endColumn,
      });
    }
  },
});
