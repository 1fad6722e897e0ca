import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { createNote, LibraryIndex } from '../../src/scaffold/create.js';
import { listExistingNotes } from '../../src/scaffold/existing.js';
import duplicateSource from '../../src/check/rules/duplicate-source.js';
import duplicateTitle from '../../src/check/rules/duplicate-title.js';
import { lintFiles } from '../check/harness.js';

let root: string;
let library: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cp-create-'));
  library = path.join(root, 'library');
  mkdirSync(library);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const note = (title: string, source: string, extra = ''): string => `---\ntitle: ${JSON.stringify(title)}\nsource: ${source}\n${extra}---\n\nText.\n`;
const candidate = { slug: 'fresh', title: 'Fresh Title', source: 'https://example.com/fresh' };

describe('createNote', () => {
  it('should create the file with exactly the given content and report it', async () => {
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'body\n');
    expect(outcome).toEqual({ status: 'created', file: path.join(library, 'fresh.md') });
    expect(readFileSync(path.join(library, 'fresh.md'), 'utf8')).toBe('body\n');
  });

  it('should never overwrite: a second note with the same slug is refused and the first stays byte-identical', async () => {
    createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'first\n');
    const before = readFileSync(path.join(library, 'fresh.md'));
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), { ...candidate, title: 'Other', source: 'https://example.com/other' }, 'second\n');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.reasons.join('\n')).toMatch(/fresh\.md already exists .*--slug fresh-2/);
    expect(readFileSync(path.join(library, 'fresh.md'))).toEqual(before);
  });

  it('should refuse a planted dangling symlink at the target and leave it and its target alone', async () => {
    const target = path.join(root, 'outside.md');
    symlinkSync(target, path.join(library, 'fresh.md'));
    // The light library scan does not follow links, so only the exclusive create can catch this.
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'payload\n');
    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.reasons[0]).toMatch(/already exists .*nothing was overwritten/);
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(path.join(library, 'fresh.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(library, 'fresh.md'))).toBe(target);
  });

  it('should refuse a title already used (any case) or a source already cited, naming the note', async () => {
    mkdirSync(path.join(library, 'sub'));
    writeFileSync(path.join(library, 'sub', 'old.md'), note('FRESH title', 'https://example.com/other'));
    writeFileSync(path.join(library, 'cited.md'), note('Something', 'https://example.com/fresh/'));
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'x');
    expect(outcome).toMatchObject({ status: 'refused' });
    const reasons = outcome.status === 'refused' ? outcome.reasons : [];
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toContain('cited.md already cites https://example.com/fresh');
    expect(reasons[1]).toContain('sub/old.md already has the title "Fresh Title"');
    expect(existsSync(path.join(library, 'fresh.md'))).toBe(false);
  });

  it('should refuse a title equal to another note\'s alias', async () => {
    writeFileSync(path.join(library, 'old.md'), note('Old', 'https://example.com/old', 'aliases: [Fresh Title]\n'));
    expect(createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'x').status).toBe('refused');
  });

  it('should treat a case-only slug difference as a clash (case-insensitive file systems)', async () => {
    writeFileSync(path.join(library, 'Fresh.md'), note('Unrelated', 'https://example.com/u'));
    expect(createNote(await LibraryIndex.load(library, defaultConfig), candidate, 'x').status).toBe('refused');
  });

  it('should write nothing in a dry run but still see clashes within the run', async () => {
    const index = await LibraryIndex.load(library, defaultConfig);
    expect(createNote(index, candidate, 'x', true).status).toBe('created');
    expect(readdirSync(library)).toEqual([]);
    expect(createNote(index, { ...candidate, slug: 'other' }, 'x', true).status).toBe('refused');
  });

  // Issue 20, item 2: new/import and the duplicate rules share one idea of "the same title" and "the same source".
  it.each([
    ['the https form of an http source', { title: 'Old', source: 'http://example.com/essay' }, { title: 'Fresh', source: 'https://example.com/essay' }],
    ['a #fragment form of a source', { title: 'Old', source: 'https://example.com/essay' }, { title: 'Fresh', source: 'https://example.com/essay#part-2' }],
    ['a trailing-slash form of a source', { title: 'Old', source: 'https://example.com/essay/' }, { title: 'Fresh', source: 'https://EXAMPLE.com/essay' }],
    ['a title differing only by spacing', { title: 'Same  Title', source: 'https://example.com/1' }, { title: 'Same Title', source: 'https://example.com/2' }],
    ['a title differing only by case and outer space', { title: 'same title', source: 'https://example.com/1' }, { title: ' SAME TITLE ', source: 'https://example.com/2' }],
  ])('should refuse %s, which lint would report as a duplicate', async (_what, old, fresh) => {
    writeFileSync(path.join(library, 'old.md'), note(old.title, old.source));
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), { slug: 'fresh', ...fresh }, note(fresh.title, fresh.source));
    expect(outcome.status).toBe('refused');
    const notes = { 'old.md': note(old.title, old.source), 'fresh.md': note(fresh.title, fresh.source) };
    expect(lintFiles(notes, { rules: [duplicateTitle, duplicateSource] }).map((d) => d.file)).toEqual(['fresh.md', 'old.md']);
  });

  it('should accept a source that differs by its query string, as lint does', async () => {
    writeFileSync(path.join(library, 'old.md'), note('Old', 'https://example.com/a?id=1'));
    const outcome = createNote(await LibraryIndex.load(library, defaultConfig), { slug: 'fresh', title: 'Fresh', source: 'https://example.com/a?id=2' }, 'x');
    expect(outcome.status).toBe('created');
    const notes = { 'old.md': note('Old', 'https://example.com/a?id=1'), 'fresh.md': note('Fresh', 'https://example.com/a?id=2') };
    expect(lintFiles(notes, { rules: [duplicateTitle, duplicateSource] })).toEqual([]);
  });

  it('should create the library folder when it does not exist yet', async () => {
    const fresh = path.join(root, 'new-library');
    expect(createNote(await LibraryIndex.load(fresh, defaultConfig), candidate, 'x').status).toBe('created');
    expect(readdirSync(fresh)).toEqual(['fresh.md']);
  });
});

describe('listExistingNotes', () => {
  it('should skip hidden and underscore folders, unreadable front matter and symlinks, sorted by path', async () => {
    mkdirSync(path.join(library, '.git'));
    mkdirSync(path.join(library, '_drafts'));
    writeFileSync(path.join(library, '.git', 'x.md'), note('Hidden', 'https://h.example'));
    writeFileSync(path.join(library, '_drafts', 'y.md'), note('Draft', 'https://d.example'));
    writeFileSync(path.join(library, 'b.md'), note('B', 'https://b.example'));
    writeFileSync(path.join(library, 'a.md'), '---\ntitle: [unclosed\n---\n');
    writeFileSync(path.join(library, 'c.md'), '---\nx: &a [1]\ny: *a\n---\n');
    symlinkSync('/etc/passwd', path.join(library, 'd.md'));
    expect(await listExistingNotes(library, defaultConfig)).toEqual([
      { path: 'a.md', id: 'a', title: null, aliases: [], source: null },
      { path: 'b.md', id: 'b', title: 'B', aliases: [], source: 'https://b.example' },
      { path: 'c.md', id: 'c', title: null, aliases: [], source: null },
    ]);
  });
});
