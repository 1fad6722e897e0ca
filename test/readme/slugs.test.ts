/**
 * README "Slugs": each rule of the paragraph, in its order, on the real
 * `slugify`, and the file-creation promises on the real `new`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/scaffold/slug.js';
import { runCommand } from '../link/run-command.js';
import { sectionText } from './readme.js';

const SECTION = 'Slugs';
const text = sectionText(SECTION).replace(/\s+/g, ' ');
const claim = (words: string) => expect(text).toContain(words);
const create = (title: string, cwd: string) => runCommand(['new', '--title', title, '--author', 'A', '--year', '2020', '--source', `https://example.com/${encodeURIComponent(title)}`], cwd);

describe(`README "${SECTION}"`, () => {
  it('should fold with NFKD, drop combining marks and fold ß and ø', () => {
    claim('Unicode NFKD with combining marks dropped (and ß → ss, ø → o, …)');
    expect(slugify('Straße, Ørsted and the café ﬁle')).toBe('strasse-orsted-and-the-cafe-file');
  });

  it('should remove apostrophes and join lower-case ASCII words with -', () => {
    claim('apostrophes removed, lower-case ASCII words joined by `-`');
    expect(slugify("Conway’s Law: It's Everywhere!")).toBe('conways-law-its-everywhere');
  });

  it('should cap at 80 characters, cut at a word boundary', () => {
    claim('at most 80 characters (cut at a word boundary)');
    const slug = slugify(`${'word '.repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((w) => w === 'word')).toBe(true);
  });

  it.each(['😀🎉', '心理安全', '!!!'])('should give %s note-<8 hex digits of its sha256>', (title) => {
    claim('gets `note-<8 hex digits of its sha256>`');
    expect(slugify(title)).toBe(`note-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`);
  });

  it.each([['CON', 'con-note'], ['nul', 'nul-note'], ['Lpt1', 'lpt1-note']])('should give the Windows reserved name %s a -note suffix', (title, slug) => {
    claim('a Windows reserved name (`CON`, `nul`, …) gets `-note`');
    expect(slugify(title)).toBe(slug);
  });

  it('should land the file directly inside the library whatever the title', async () => {
    claim('the file lands directly inside the library folder');
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-readme-slug-'));
    expect((await create('../../etc/passwd', dir)).code).toBe(0);
    expect(readdirSync(path.join(dir, 'library'))).toEqual(['etc-passwd.md']);
  });

  it('should never overwrite an existing file or a planted symlink', async () => {
    claim('an existing file or a planted symlink is never overwritten');
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-readme-slug-'));
    mkdirSync(path.join(dir, 'library'));
    symlinkSync(path.join(dir, 'outside.md'), path.join(dir, 'library', 'planted.md'));
    expect((await create('Planted', dir)).code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['library']);
  });
});
