/**
 * Quick fixes for the published diagnostics: every fix `lint --fix` would
 * apply (one at a time, or all of a file through `fixFile`, as `--fix`
 * does); "link this mention" for an unlinked mention; "add the missing
 * section" (heading from the config, placeholder from the template);
 * "create a note" for an unresolved wikilink, run as a command that
 * creates the file as `new` does, never overwriting.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { fixFile } from '../check/fix.js';
import { loadTemplate } from '../scaffold/template.js';
import type { Diagnostic, Note } from '../types.js';
import { toRange, type NoteText } from './convert.js';
import type { Session } from './session.js';
import { conceptById, mentionsOf, noteById } from './targets.js';

/** The command that creates a note for an unresolved link (see create-note.ts). */
export const CREATE_NOTE = 'commonplace.createNote';

const overlaps = (a: Range, b: Range): boolean =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

/** The code actions for the diagnostics of `params.range`. */
export function codeActions(session: Session, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const file = session.fileOf(uri);
  const at = session.noteAt(uri);
  const document = session.documents.get(uri);
  if (file === null || !at || !document) return [];
  const { note, text } = at;
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const published = session.published.get(file) ?? [];
  for (const d of published) {
    const range = toRange(d, note.hadBom);
    if (!overlaps(range, params.range)) continue;
    const diagnostic = params.context.diagnostics.find((c) => c.code === d.ruleId && c.range.start.line === range.start.line && c.range.start.character === range.start.character);
    const quick = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
      ...(preferred ? { isPreferred: true } : {}),
      edit: { changes: { [uri]: edits } },
    });
    if (d.fix) actions.push(quick(`Fix: ${d.message}`, [{ range: text.range(d.fix.start, d.fix.end), newText: d.fix.text.replace(/\n/gu, eolOf(document.getText())) }], true));
    if (d.ruleId === 'unlinked-mention') {
      const link = linkMention(session, note, text, d);
      if (link) actions.push(quick(link.title, [link.edit], true));
    }
    if (d.ruleId === 'section-required' && d.message.startsWith('Missing section')) {
      const add = addSection(session, note, text, d);
      if (add) actions.push(quick(add.title, [add.edit], true));
    }
    if (d.ruleId === 'wikilink-unresolved') {
      const w = note.wikilinks.find((x) => x.line === d.line && x.column === d.column);
      if (w) actions.push({ title: `Create a note titled "${w.target}"`, kind: CodeActionKind.QuickFix, ...(diagnostic ? { diagnostics: [diagnostic] } : {}), command: { title: 'Create note', command: CREATE_NOTE, arguments: [{ title: w.target }] } });
    }
  }
  const fixable = published.some((d) => d.fix);
  if (fixable && wants(CodeActionKind.SourceFixAll)) {
    const raw = document.getText();
    const fixed = fixFile({ path: file, bytes: new TextEncoder().encode(raw) }, session.library.config, session.library.concepts, session.library.notes);
    if (fixed.text !== null && fixed.text !== raw) {
      const end = document.positionAt(raw.length);
      actions.push({ title: 'Fix all safe problems (as lint --fix)', kind: CodeActionKind.SourceFixAll, edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: fixed.text }] } } });
    }
  }
  return actions.filter((a) => wants(a.kind ?? CodeActionKind.QuickFix));
}

const eolOf = (text: string): string => (/\r\n/u.test(text) ? '\r\n' : /\r/u.test(text) ? '\r' : '\n');

/** Wraps the mention the diagnostic points at as `[[text]]` (or `[[Name|text]]` when the text alone would not resolve to it). */
function linkMention(session: Session, note: Note, text: NoteText, d: Diagnostic): { title: string; edit: TextEdit } | null {
  const mention = mentionsOf(session, note).find((m) => m.line === d.line && m.column === d.column && !m.linked);
  if (!mention) return null;
  const name = mention.kind === 'concept' ? conceptById(session, mention.target)?.name : noteById(session, mention.target)?.meta.title;
  const found = session.library.resolver.wikilink(mention.text, note.id);
  const same = found?.kind === mention.kind && found.to === mention.target;
  const link = same || name === undefined ? `[[${mention.text}]]` : `[[${name}|${mention.text}]]`;
  return { title: `Link this mention as ${link}`, edit: { range: text.range(mention.start, mention.end), newText: link } };
}

/** Inserts the missing section the diagnostic names, where it belongs, with the template's placeholder text. */
function addSection(session: Session, note: Note, text: NoteText, d: Diagnostic): { title: string; edit: TextEdit } | null {
  const { config, location } = session.library;
  const spec = config.sections.find((s) => d.message.startsWith(`Missing section "${'#'.repeat(config.sectionDepth)} ${s.heading}"`));
  if (!spec) return null;
  const heading = `${'#'.repeat(config.sectionDepth)} ${spec.heading}`;
  const body = placeholderFor(location.configDir, spec.heading);
  const block = body ? `${heading}\n\n${body}\n` : `${heading}\n`;
  const before = note.sections.find((s) => s.line === d.line && s.key !== null);
  if (before) {
    const at = text.range(before.headingStart, before.headingStart).start;
    return { title: `Add the missing section "${spec.heading}"`, edit: { range: { start: at, end: at }, newText: `${block}\n` } };
  }
  const end = text.source.trimEnd().length;
  return { title: `Add the missing section "${spec.heading}"`, edit: { range: text.range(end, text.source.length), newText: `\n\n${block}` } };
}

/** The template's text under `heading` (its first paragraph), or '' when the template has no such section. */
function placeholderFor(configDir: string, heading: string): string {
  let body: string;
  try {
    body = loadTemplate(configDir).body;
  } catch {
    return '';
  }
  const lines = body.split('\n');
  const at = lines.findIndex((line) => /^#{1,6}\s/u.test(line) && line.replace(/^#+\s*/u, '').trim().toLowerCase() === heading.toLowerCase());
  if (at === -1) return '';
  const rest = lines.slice(at + 1);
  const stop = rest.findIndex((line) => /^#{1,6}\s/u.test(line));
  return rest
    .slice(0, stop === -1 ? undefined : stop)
    .join('\n')
    .trim()
    .split(/\n\s*\n/u)[0]!
    .trim();
}
