import { exampleNote, EXAMPLE_BODY, EXAMPLE_SUMMARY } from '../example-note.js';
import { reportProblems } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';

/** `---js`, `---coffee` and the like name a code engine: refused, never run. */
export default defineRule({
  id: 'frontmatter-language',
  description: 'Front matter must be YAML: `---js` and other front-matter languages are not allowed (never run).',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote()],
    notOk: [
      `---js\n{ title: "Run me" }\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`,
      `--- JavaScript\nrequire('fs').writeFileSync('pwned', '')\n---\n\n${EXAMPLE_SUMMARY}\n\n${EXAMPLE_BODY}`,
    ],
  },
  check(note, report) {
    const before = note.frontmatter?.problems.filter((p) => p.kind === 'language').length ?? 0;
    reportProblems(note, 'language', report);
    const language = note.frontmatter?.language ?? null;
    if (before === 0 && language !== null && language.trim().toLowerCase() !== 'yaml') {
      report({
        message: `Front-matter language not allowed: "${language}"; use a plain \`---\` fence with YAML`,
        line: note.frontmatter?.startLine ?? 1,
        column: 1,
      });
    }
  },
});
