import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, noteFromText } from '../../src/read/parse.js';
import type { NoteFields } from '../../src/scaffold/fields.js';
import { findPlaceholders } from '../../src/scaffold/placeholders.js';
import { loadTemplate, parseTemplate, renderTemplate, TemplateError } from '../../src/scaffold/template.js';

const fields: NoteFields = {
  title: "Amazon's Single-Threaded Model",
  authors: ['Pedro Gallego'],
  year: 2020,
  source: 'https://pedrodelgallego.github.io/blog/amazon/single-threaded-model/',
  venue: null,
  kind: 'essay',
  tags: [],
  concepts: ['ownership', 'focus'],
};

const frontmatterOf = (text: string): unknown => parse(text.slice(4, text.indexOf('\n---\n', 4) + 1), { schema: 'core' });

describe('the bundled essay template', () => {
  const template = loadTemplate(process.cwd());

  it('should be the file in templates/essay.md', () => {
    expect(readFileSync('templates/essay.md', 'utf8')).toContain('title: {{title}}');
    expect(template.file).toBe('templates/essay.md');
  });

  it('should render front matter with the given values and leave out empty ones', () => {
    const note = renderTemplate(template, fields);
    expect(frontmatterOf(note)).toEqual({
      title: fields.title,
      author: 'Pedro Gallego',
      year: 2020,
      source: fields.source,
      kind: 'essay',
      concepts: ['ownership', 'focus'],
    });
    expect(note).not.toContain('{{');
    expect(note).not.toContain('# The template');
  });

  it('should give the summary and each required section a TODO prompt that the reader places in them', () => {
    const text = renderTemplate(template, fields);
    const note = noteFromText('x.md', text);
    expect(note.sections.map((s) => s.key)).toEqual(['centralArgument', 'critique', 'whyItMatters']);
    expect(note.summary?.text.startsWith('TODO:')).toBe(true);
    for (const section of note.sections) expect(section.text.startsWith('TODO:')).toBe(true);
    expect(findPlaceholders(text).filter((hit) => hit.kind === 'todo')).toHaveLength(4);
  });

  it('should write a hostile title as literal text in the body, not as Markdown or HTML', () => {
    const title = '<img src=x onerror=alert(1)> *bold* [link](javascript:x)\n# heading';
    const text = renderTemplate(template, { ...fields, title });
    expect(frontmatterOf(text)).toMatchObject({ title });
    const tree = markdownProcessor.parse(text);
    const types = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }): void => {
      types.add(node.type);
      for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
    };
    visit(tree);
    for (const type of ['html', 'emphasis', 'link']) expect(types.has(type)).toBe(false);
    const summary = tree.children.find((node) => node.type === 'paragraph');
    expect(summary && toString(summary)).toContain('<img src=x onerror=alert(1)> *bold* [link](javascript:x) # heading');
  });
});

describe('parseTemplate', () => {
  it('should honour a team template: its key order, fixed values and own prompts', () => {
    const team = parseTemplate('---\nkind: {{kind}}\ntitle: {{title}}\nstatus: "yes"\n# a comment\nyear: {{year}}\n---\nTODO: say it for {{title}}\n', 'team.md');
    const text = renderTemplate(team, fields);
    expect(text).toBe(`---\nkind: essay\ntitle: Amazon's Single-Threaded Model\nstatus: "yes"\nyear: 2020\n---\n\nTODO: say it for Amazon's Single-Threaded Model\n`);
  });

  it.each([
    ['---\ntitle: {{titel}}\n---\n', 'team.md:2: unknown placeholder {{titel}}'],
    ['---\ntitle: {{title}}\n---\n\nBy {{writer}}\n', 'team.md:5: unknown placeholder {{writer}}'],
    ['---\n  - not a key\n---\n', 'team.md:2: expected "key: {{placeholder}}"'],
    ['title: {{title}}\n', 'team.md:1: expected the front matter to open with ---'],
    ['---\ntitle: {{title}}\n', 'team.md:1: front matter is never closed'],
  ])('should refuse a broken template %j naming the line', (text, message) => {
    expect(() => parseTemplate(text, 'team.md')).toThrow(TemplateError);
    expect(() => parseTemplate(text, 'team.md')).toThrow(message);
  });

  it('should read CRLF templates like LF ones', () => {
    const lf = '---\ntitle: {{title}}\n---\n\nTODO: x\n';
    expect(renderTemplate(parseTemplate(lf.replace(/\n/g, '\r\n'), 't'), fields)).toBe(renderTemplate(parseTemplate(lf, 't'), fields));
  });

  it("should use the config folder's own template when it has one, else the bundled one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-template-'));
    try {
      expect(loadTemplate(dir).body).toBe(loadTemplate(process.cwd()).body);
      mkdirSync(path.join(dir, 'templates'));
      writeFileSync(path.join(dir, 'templates', 'essay.md'), '---\ntitle: {{title}}\n---\n\nTODO: ours\n');
      expect(loadTemplate(dir)).toEqual({ file: 'templates/essay.md', frontmatter: [{ key: 'title', placeholder: 'title' }], body: 'TODO: ours\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
