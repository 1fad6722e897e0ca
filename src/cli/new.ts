/**
 * `commonplace new`: a note from `templates/essay.md`, created in the library
 * with the exclusive flag. Missing required fields are asked for when both
 * stdin and stdout are terminals; otherwise the command names them and exits 2.
 */
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isCancel, text } from '@clack/prompts';
import { loadConfig, type Config } from '../config.js';
import { createNote, LibraryIndex } from '../scaffold/create.js';
import { FieldError, KINDS, parseKind, parseSource, parseText, parseYear, splitList, type NoteFields } from '../scaffold/fields.js';
import { isValidSlug, slugify } from '../scaffold/slug.js';
import { loadTemplate, renderTemplate, TemplateError } from '../scaffold/template.js';
import { UsageError, type Command, type CommandIO } from './io.js';
import { locateLibrary } from './library.js';

const usage = `Usage: commonplace new --title T --author A --year Y --source URL
                       [--venue V] [--kind K] [--tags a,b] [--concepts a,b]
                       [--slug S] [--library DIR]

Creates <library>/<slug>.md from templates/essay.md and prints its path.

Options:
  --title T        the work's title (required)
  --author A       its author (required; repeat the flag for several authors)
  --year Y         year of publication, a whole number (required)
  --source URL     where to read it, an http(s) URL (required)
  --venue V        where it appeared (blog, journal, publisher)
  --kind K         one of ${KINDS.join(', ')} (default essay)
  --tags a,b       comma-separated tags
  --concepts a,b   comma-separated glossary concepts
  --slug S         file name without .md (default: from the title)
  --library DIR    library folder (default: "library" from commonplace.config.json)
  --help           show this help

In a terminal, missing required fields are asked for. Never overwrites: when
the slug, title or source is already in the library it exits 1 and says which
note has it. Exit codes: 0 created, 1 refused, 2 usage error.`;

const REQUIRED = ['title', 'author', 'year', 'source'] as const;
type Required = (typeof REQUIRED)[number];

/** The required fields as given or answered; several authors stay separate strings. */
interface Answers {
  title?: string | undefined;
  author?: string[] | undefined;
  year?: string | undefined;
  source?: string | undefined;
}

const options = {
  title: { type: 'string' },
  author: { type: 'string', multiple: true },
  year: { type: 'string' },
  source: { type: 'string' },
  venue: { type: 'string' },
  kind: { type: 'string' },
  tags: { type: 'string' },
  concepts: { type: 'string' },
  slug: { type: 'string' },
  library: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `commonplace new`; see the usage text above for flags and exit codes. */
export const run: Command = async (argv, io) => {
  let values;
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const { config, configDir } = loadConfig(io.cwd);
  const given: Answers = {
    title: values.title,
    author: values.author?.filter((a) => a.trim() !== ''),
    year: values.year,
    source: values.source,
  };
  const missing = REQUIRED.filter((name) => {
    const value = given[name];
    return value === undefined || value.length === 0 || (typeof value === 'string' && value.trim() === '');
  });
  if (missing.length > 0) {
    if (!(io.stdin.isTTY && io.stdout.isTTY)) {
      throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask in)\n\n${usage}`);
    }
    const answered = await ask(missing, config, io);
    if (answered === null) {
      io.stderr.write('commonplace new: cancelled; nothing written\n');
      return 2;
    }
    Object.assign(given, answered);
  }

  let fields: NoteFields;
  let slug: string;
  try {
    fields = {
      title: parseText('title', given.title ?? ''),
      authors: (given.author ?? []).map((a) => a.trim()),
      year: parseYear(given.year ?? '', config),
      source: parseSource(given.source ?? ''),
      venue: values.venue?.trim() || null,
      kind: parseKind(values.kind ?? 'essay'),
      tags: splitList(values.tags ?? ''),
      concepts: splitList(values.concepts ?? ''),
    };
    if (fields.authors.length === 0) throw new FieldError('author is empty');
    slug = values.slug ?? slugify(fields.title);
    if (!isValidSlug(slug)) {
      throw new FieldError(`--slug "${slug}" is not a valid file name; use lower-case letters, digits and single dashes, e.g. ${slugify(slug)}`);
    }
  } catch (error) {
    if (error instanceof FieldError) throw new UsageError(error.message);
    throw error;
  }

  let content: string;
  try {
    content = renderTemplate(loadTemplate(configDir), fields);
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  // A --library folder must exist (a typo must not grow a second library); the configured one is created on first use.
  const libraryDir = values.library !== undefined ? locateLibrary(io, values.library).root : path.resolve(configDir, config.library);
  const outcome = createNote(await LibraryIndex.load(libraryDir, config), { slug, title: fields.title, source: fields.source }, content);
  if (outcome.status === 'refused') {
    io.stderr.write(`commonplace new: refused, nothing written:\n${outcome.reasons.map((r) => `  - ${r}\n`).join('')}`);
    return 1;
  }
  io.stdout.write(`${path.relative(io.cwd, outcome.file) || outcome.file}\n`);
  return 0;
};

const questions: Record<Required, { message: string; check: (value: string, config: Config) => unknown }> = {
  title: { message: 'Title of the work', check: (v) => parseText('title', v) },
  author: { message: 'Author (separate several with a comma)', check: (v) => parseText('author', v) },
  year: { message: 'Year of publication', check: (v, c) => parseYear(v, c) },
  source: { message: 'Source URL (https://…)', check: (v) => parseSource(v) },
};

/** Asks for each missing field in the terminal; null when the user cancels (Ctrl-C, Esc). */
async function ask(missing: readonly Required[], config: Config, io: CommandIO): Promise<Answers | null> {
  const answers: Answers = {};
  for (const name of missing) {
    const { message, check } = questions[name];
    const answer = await text({
      message,
      input: io.stdin as Readable,
      output: io.stdout as Writable,
      validate: (value) => {
        try {
          check(value ?? '', config);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
    });
    if (isCancel(answer)) return null;
    // Several authors typed on one line, comma-separated, become a list, as repeated --author flags would.
    if (name === 'author') answers.author = splitList(answer);
    else answers[name] = answer;
  }
  return answers;
}
