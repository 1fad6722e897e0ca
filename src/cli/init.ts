/**
 * `commonplace init [DIR]`: sets up Commonplace in a project folder (see
 * `src/scaffold/init.ts` for what is written). Asks for the handbook's
 * title, subtitle and editor on a terminal; takes flags or the defaults
 * without one. Never overwrites: it lists what it created, updated and left
 * alone, then the next commands to run.
 */
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { confirm, isCancel, text } from '@clack/prompts';
import { closestMatch } from '../check/suggest.js';
import { defaultConfig } from '../config.js';
import { initProject, type InitChoices, type InitResult, type InitStep } from '../scaffold/init.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec } from './io.js';

const CI_SERVICES = ['github'] as const;

/** The command line of `init`: flags, usage line, help and examples. */
export const spec = {
  name: 'init',
  usage: 'init [DIR] [options]',
  description: `Sets up Commonplace in DIR (default: the current folder): commonplace.config.json,
library/ with one example note and a small concepts.yml, templates/essay.md,
a .gitignore for dist/ and the cache, and the npm scripts new, lint and build
in package.json when there is one. Never overwrites a file: it says what it
left alone. On a terminal it asks for what the flags do not give.`,
  positionals: 'DIR',
  flags: {
    title: { type: 'string', value: 'T', help: `the handbook's title (default "${defaultConfig.handbook.title}")` },
    subtitle: { type: 'string', value: 'S', help: `its subtitle (default "${defaultConfig.handbook.subtitle}")` },
    editor: { type: 'string', value: 'E', help: 'who edits it (default: none)' },
    ci: { type: 'string', value: 'SERVICE', help: 'github: also write .github/workflows/commonplace.yml (lint, code scanning, build)' },
    yes: { type: 'boolean', short: 'y', help: 'ask nothing: take the flags and the defaults' },
  },
  examples: [
    'commonplace init                                   # here, asking on a terminal',
    'commonplace init notes --title "Team handbook" --ci github --yes',
  ],
  notes: 'Exit codes: 0 done (also when everything was already there), 2 usage error, cancelled, or a folder that cannot be written.',
} as const satisfies CommandSpec;

export const run = defineCommand(spec, async ({ values, positionals }, io) => {
  if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.ci !== undefined && !(CI_SERVICES as readonly string[]).includes(values.ci)) {
    const match = closestMatch(values.ci, CI_SERVICES);
    throw new UsageError(`unknown --ci "${values.ci}"; ${match !== null ? `did you mean "${match}"?` : `expected ${CI_SERVICES.join(', ')}`}`);
  }
  const given: Partial<InitChoices> = {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.subtitle !== undefined ? { subtitle: values.subtitle } : {}),
    ...(values.editor !== undefined ? { editor: values.editor } : {}),
    ...(values.ci !== undefined ? { ci: values.ci as 'github' } : {}),
  };
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true && values.yes !== true;
  const choices = interactive ? await ask(given, io) : withDefaults(given);
  if (choices === null) {
    io.stderr.write('commonplace init: cancelled; nothing written\n');
    return 2;
  }
  let result: InitResult;
  try {
    result = initProject(dir, choices);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !/^E[A-Z]+$/.test(code)) throw error; // ConfigError and the unexpected pass on
    io.stderr.write(`commonplace init: cannot set up ${path.relative(io.cwd, dir) || '.'}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout.write(report(result, path.relative(io.cwd, dir)));
  return 0;
});

function withDefaults(given: Partial<InitChoices>): InitChoices {
  const { title, subtitle, editor } = defaultConfig.handbook;
  return { title, subtitle, editor, ci: null, ...given };
}

/** Asks for each choice the flags left open; null when the user cancels (Ctrl-C, Esc). */
async function ask(given: Partial<InitChoices>, io: CommandIO): Promise<InitChoices | null> {
  const streams = { input: io.stdin as Readable, output: io.stdout as Writable };
  const defaults = withDefaults({});
  const answers: Partial<InitChoices> = { ...given };
  const questions = [
    ['title', 'Handbook title'],
    ['subtitle', 'Subtitle'],
    ['editor', 'Editor (who keeps it; may be empty)'],
  ] as const;
  for (const [key, message] of questions) {
    if (answers[key] !== undefined) continue;
    const fallback = defaults[key];
    const answer = await text({ message, ...streams, ...(fallback ? { placeholder: fallback, defaultValue: fallback } : {}) });
    if (isCancel(answer)) return null;
    answers[key] = answer ?? fallback;
  }
  if (answers.ci === undefined) {
    const ci = await confirm({ message: 'Add a GitHub Actions workflow (lint, code scanning, build)?', initialValue: false, ...streams });
    if (isCancel(ci)) return null;
    answers.ci = ci ? 'github' : null;
  }
  return { ...defaults, ...answers };
}

const VERBS: Record<InitStep['status'], string> = { created: 'Created', updated: 'Updated', 'left alone': 'Left alone', skipped: 'Skipped' };

/** What was done, then what to run next. */
function report({ steps, dependsOnCommonplace, scripts }: InitResult, dirShown: string): string {
  const lines = steps.map((s) => `${VERBS[s.status]} ${s.path}${s.detail ? ` (${s.detail})` : ''}`);
  const run = (command: string): string => (scripts.includes(command) ? `npm run ${command}${command === 'new' ? ' --' : ''}` : `npx commonplace ${command}`);
  const next = [
    ...(dirShown !== '' ? [`cd ${dirShown}`] : []),
    // Not `npm install commonplace`: on the public registry that name is an unrelated package.
    ...(dependsOnCommonplace ? [] : ['npm install --save-dev <commonplace tarball or git URL>   # not in package.json yet']),
    `${run('new')} --title "No Silver Bullet" --author "Frederick P. Brooks" --year 1986 --source https://…`,
    run('lint'),
    run('build'),
  ];
  return `${lines.join('\n')}\n\nNext:\n${next.map((l) => `  ${l}`).join('\n')}\n`;
}
