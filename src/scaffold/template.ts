/**
 * `templates/essay.md`, the file a team edits to shape new notes.
 *
 * Placeholders (`{{name}}`): `title`, `author` (several joined by ", "),
 * `year`, `source`, `venue`, `kind`, `tags`, `concepts` (lists joined by ", ").
 * No date or time: the same command gives the same file.
 *
 * - Front matter: each line is `key: {{name}}` (the field's value, left out
 *   when empty: no venue, no tags), `key: value` (a fixed YAML value), a
 *   `# comment` or blank (both dropped). The block is then written by the
 *   YAML emitter, so values are never pasted into YAML text.
 * - Body: `{{name}}` becomes the value as inline Markdown text: line breaks
 *   become spaces and Markdown syntax is backslash-escaped (see
 *   `escapeInline`), so a title like `<script>` or `*x*` shows as written.
 *   Prompt lines start with `TODO:` (see `placeholders.ts`) and stay until
 *   the writer replaces them; `lint` reports them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { emitFrontmatter, type FrontmatterValue } from './frontmatter.js';
import { fieldValue, type NoteFields } from './fields.js';
import { escapeInline } from './markdown.js';
import { findPlaceholders } from './placeholders.js';

/** The placeholders a template may use. */
export const TEMPLATE_PLACEHOLDERS = ['title', 'author', 'year', 'source', 'venue', 'kind', 'tags', 'concepts'] as const;

/** Where a project's own template lives, relative to its config folder. */
export const TEMPLATE_PATH = 'templates/essay.md';

/** A template that cannot be used; the message names the file and line. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

type FrontmatterLine = { key: string; placeholder: string } | { key: string; value: unknown };

/** A template split into its front-matter recipe and its body text. */
export interface Template {
  file: string;
  frontmatter: FrontmatterLine[];
  body: string;
}

/**
 * The project's template when it has one (`<configDir>/templates/essay.md`),
 * else the one shipped with Commonplace.
 */
export function loadTemplate(configDir: string): Template {
  const own = path.join(configDir, TEMPLATE_PATH);
  const bundled = fileURLToPath(new URL('../../templates/essay.md', import.meta.url));
  for (const file of [own, bundled]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new TemplateError(`${file}: cannot read: ${(error as Error).message}`);
    }
    return parseTemplate(text, path.relative(configDir, file) || file);
  }
  throw new TemplateError(`no template: expected ${TEMPLATE_PATH}`);
}

/** Splits and checks a template's text; throws TemplateError naming the line at fault. */
export function parseTemplate(text: string, file: string): Template {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trimEnd() !== '---') throw new TemplateError(`${file}:1: expected the front matter to open with ---`);
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close === -1) throw new TemplateError(`${file}:1: front matter is never closed with ---`);
  const frontmatter: FrontmatterLine[] = [];
  for (let i = 1; i < close; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    frontmatter.push(frontmatterLine(line, `${file}:${i + 1}`));
  }
  let first = close + 1;
  while (first < lines.length && lines[first] === '') first++;
  const body = lines.slice(first).join('\n');
  for (const hit of findPlaceholders(body)) {
    const name = hit.text.slice(2, -2);
    if (hit.kind === 'mustache' && !isPlaceholder(name)) {
      throw new TemplateError(`${file}:${first + hit.line}: unknown placeholder ${hit.text}; known: ${TEMPLATE_PLACEHOLDERS.join(', ')}`);
    }
  }
  return { file, frontmatter, body };
}

/** The note text for these fields: front matter by the YAML emitter, body placeholders escaped. */
export function renderTemplate(template: Template, fields: NoteFields): string {
  const entries: [string, FrontmatterValue][] = [];
  for (const line of template.frontmatter) {
    if ('placeholder' in line) {
      const value = fieldValue(fields, line.placeholder);
      if (value !== null) entries.push([line.key, value]);
    } else {
      entries.push([line.key, line.value as FrontmatterValue]);
    }
  }
  // `relations:` come from `new`'s relation flags, not from a placeholder: written last, as lint's key order wants.
  const relations = fieldValue(fields, 'relations');
  if (relations !== null && !entries.some(([key]) => key === 'relations')) entries.push(['relations', relations]);
  let body = '';
  let at = 0;
  for (const hit of findPlaceholders(template.body)) {
    if (hit.kind !== 'mustache') continue;
    body += template.body.slice(at, hit.start) + escapeInline(bodyText(fields, hit.text.slice(2, -2)));
    at = hit.end;
  }
  body += template.body.slice(at);
  return `${emitFrontmatter(entries)}\n${body.trimEnd()}\n`;
}

function frontmatterLine(line: string, where: string): FrontmatterLine {
  const match = /^([A-Za-z_][A-Za-z0-9_-]*):(.*)$/.exec(line);
  if (!match) throw new TemplateError(`${where}: expected "key: {{placeholder}}" or "key: value", got "${line}"`);
  const key = match[1] ?? '';
  const rest = (match[2] ?? '').trim();
  const placeholder = /^\{\{([A-Za-z]+)\}\}$/.exec(rest)?.[1];
  if (placeholder !== undefined) {
    if (!isPlaceholder(placeholder)) {
      throw new TemplateError(`${where}: unknown placeholder {{${placeholder}}}; known: ${TEMPLATE_PLACEHOLDERS.join(', ')}`);
    }
    return { key, placeholder };
  }
  try {
    return { key, value: parse(rest, { schema: 'core', maxAliasCount: 0 }) as unknown };
  } catch (error) {
    throw new TemplateError(`${where}: the value of "${key}" is not valid YAML: ${(error as Error).message}`);
  }
}

function isPlaceholder(name: string): boolean {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

function bodyText(fields: NoteFields, name: string): string {
  const value = fieldValue(fields, name);
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : value instanceof Map ? '' : String(value);
}
