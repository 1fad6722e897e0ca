/**
 * "Create a note for this unresolved link": the note `new` would write,
 * from the project's template, with the link's text as its title and the
 * fields `new` would ask for (author, year, source) left for the writer
 * (lint then asks for them). Created with the exclusive flag through the
 * scaffold stage, so an existing file or a clash with a title is refused,
 * never overwritten.
 */
import path from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { createNote, LibraryIndex } from '../scaffold/create.js';
import { slugify } from '../scaffold/slug.js';
import { loadTemplate, renderTemplate, type Template } from '../scaffold/template.js';
import type { Session } from './session.js';

/** The fields a link gives: only the title. */
const FROM_LINK = new Set(['title', 'kind']);

/** Creates `<library>/<slug of title>.md`; returns its URI. Throws a ResponseError saying why when refused. */
export async function createNoteFor(session: Session, title: string): Promise<string> {
  const name = title.trim();
  if (name === '' || name.includes('\n')) throw new ResponseError(ErrorCodes.InvalidParams, 'a note needs a one-line title');
  const { root, config } = session.library;
  const template = loadTemplate(session.library.location.configDir);
  // Only the title (and the fixed kind) come from a link: the other placeholders' lines are left out.
  const draft: Template = { ...template, frontmatter: template.frontmatter.filter((line) => !('placeholder' in line) || FROM_LINK.has(line.placeholder)) };
  const content = renderTemplate(draft, { title: name, authors: [], year: 0, source: '', venue: null, kind: 'essay', tags: [], concepts: [] });
  const outcome = createNote(await LibraryIndex.load(root, config), { slug: slugify(name), title: name, source: '' }, content);
  if (outcome.status === 'refused') throw new ResponseError(ErrorCodes.InvalidRequest, `commonplace: nothing written: ${outcome.reasons.join('; ')}`);
  const file = path.relative(root, outcome.file).split(path.sep).join('/');
  await session.filesChanged([{ file, kind: 'created' }]);
  return session.uriOf(file);
}
