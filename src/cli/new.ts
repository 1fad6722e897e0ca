/**
 * `commonplace new`: a note from `templates/essay.md`, created in the library
 * with the exclusive flag. Missing required fields are asked for when both
 * stdin and stdout are terminals; otherwise the command names them and exits 2.
 */
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isCancel, text } from '@clack/prompts';
import { loadConfig, type Config } from '../config.js';
import { createNote, LibraryIndex } from '../scaffold/create.js';
import { checkReadable, FieldError, KINDS, parseKind, parseSource, parseText, parseYear, splitList, type NoteFields } from '../scaffold/fields.js';
import { isValidSlug, MAX_SLUG_LENGTH, slugify, WINDOWS_RESERVED } from '../scaffold/slug.js';
import { loadTemplate, renderTemplate, TemplateError } from '../scaffold/template.js';
import { locateLibrary, refuseFileAsLibrary } from './library.js';
import { RELATION_FLAGS, relationFlags } from './relation-flags.js';
import { defineCommand, UsageError, type CommandIO, type CommandSpec } from './io.js';

/** The command line of `new`: flags, usage line, help and examples. */
export const spec = {
  name: 'new',
  usage: 'new --title T --author A --year Y --source URL [options]',
  description: `Creates <library>/<slug>.md from templates/essay.md and prints its path.
In a terminal, missing required fields are asked for. Never overwrites: when
the slug, title (or alias) or source is already in the library it exits 1 and
says which note has it.`,
  flags: {
    title: { type: 'string', value: 'T', help: "the work's title (required)" },
    author: { type: 'string', value: 'A', multiple: true, help: 'its author (required; repeat the flag for several authors)' },
    year: { type: 'string', value: 'Y', help: 'year of publication, a whole number (required)' },
    source: { type: 'string', value: 'URL', help: 'where to read it, an http(s) URL (required)' },
    venue: { type: 'string', value: 'V', help: 'where it appeared (blog, journal, publisher)' },
    kind: { type: 'string', value: 'K', help: `one of ${KINDS.join(', ')} (default essay)` },
    tags: { type: 'string', value: 'a,b', help: 'comma-separated tags' },
    concepts: { type: 'string', value: 'a,b', help: 'comma-separated glossary concepts' },
    ...RELATION_FLAGS,
    slug: { type: 'string', value: 'S', help: 'file name without .md (default: from the title)' },
    library: { type: 'string', value: 'DIR', help: 'library folder (default: "library" from commonplace.config.json)' },
  },
  examples: [
    'commonplace new --title "How Do Committees Invent?" --author "Melvin E. Conway" \\\n      --year 1968 --source http://www.melconway.com/Home/Committees_Paper.html',
    'commonplace new --title "The Mythical Man-Month" --author "Fred Brooks" --year 1975 \\\n      --source https://example.org/mmm --kind book --tags management --slug mythical-man-month',
    'commonplace new --title "Team Topologies" --author "Matthew Skelton" --year 2019 \\\n      --source https://teamtopologies.com --builds-on how-do-committees-invent --contradicts "Scaling Agile at Spotify"',
  ],
  notes: 'Each relation flag names existing notes; one that names none is a usage error (exit 2), with the closest name.\nExit codes: 0 created, 1 refused, 2 usage error.',
} as const satisfies CommandSpec;

const REQUIRED = ['title', 'author', 'year', 'source'] as const;
type Required = (typeof REQUIRED)[number];

/** The required fields as given or answered; several authors stay separate strings. */
interface Answers {
  title?: string | undefined;
  author?: string[] | undefined;
  year?: string | undefined;
  source?: string | undefined;
}

/** Runs `commonplace new`; see the usage text above for flags and exit codes. */
export const run = defineCommand(spec, async ({ values }, io) => {
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
      throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask in)`);
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
    for (const [name, value] of [['title', fields.title], ['venue', fields.venue ?? ''], ...fields.authors.map((a) => ['author', a]), ...fields.tags.map((t) => ['tags', t]), ...fields.concepts.map((c) => ['concepts', c])]) {
      checkReadable(name!, value!);
    }
    slug = values.slug ?? slugify(fields.title);
    if (!isValidSlug(slug)) throw new FieldError(slugProblem(slug));
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
  refuseFileAsLibrary(io, libraryDir);
  const index = await LibraryIndex.load(libraryDir, config);
  fields.relations = relationFlags(values, index);
  if (fields.relations.length > 0) content = renderTemplate(loadTemplate(configDir), fields);
  const outcome = createNote(index, { slug, title: fields.title, source: fields.source }, content);
  if (outcome.status === 'refused') {
    io.stderr.write(`commonplace new: refused, nothing written:\n${outcome.reasons.map((r) => `  - ${r}\n`).join('')}`);
    return 1;
  }
  io.stdout.write(`${path.relative(io.cwd, outcome.file) || outcome.file}\n`);
  return 0;
});

/** Why `--slug` was refused, with a slug that would do. */
function slugProblem(slug: string): string {
  const instead = slugify(slug);
  if (WINDOWS_RESERVED.test(slug)) {
    return `--slug "${slug}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9): ${slug}.md could not be opened there; use e.g. --slug ${instead}`;
  }
  if (slug.length > MAX_SLUG_LENGTH) return `--slug is ${slug.length} characters long, over the ${MAX_SLUG_LENGTH} allowed; use e.g. --slug ${instead}`;
  return `--slug "${slug}" is not a valid file name; use lower-case letters, digits and single dashes, e.g. --slug ${instead}`;
}

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
