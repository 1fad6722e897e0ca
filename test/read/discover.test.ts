import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { collisionKey, discover } from '../../src/read/discover.js';
import { fixturesDir } from './helpers.js';

const libraryFixture = path.join(fixturesDir, 'library');
const temps: string[] = [];
const tempLibrary = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-discover-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('discover', () => {
  it('should list lower-case .md files, skipping dot and underscore paths, sorted by code point', async () => {
    const found = await discover(libraryFixture, defaultConfig);
    expect(found.files).toEqual(['alpha.md', 'broken.md', 'skipped/epsilon.md', 'sub/beta.md']);
  });

  it('should warn about .MD, .Md and .markdown files instead of missing them silently', async () => {
    const found = await discover(libraryFixture, defaultConfig);
    expect(found.diagnostics.map((d) => [d.file, d.ruleId, d.severity, d.message])).toEqual([
      ['Mixed.Md', 'discovery-extension', 'warning', 'not read: notes must end in lower-case ".md"; rename it to "Mixed.md"'],
      ['UPPER.MD', 'discovery-extension', 'warning', 'not read: notes must end in lower-case ".md"; rename it to "UPPER.md"'],
      ['long.markdown', 'discovery-extension', 'warning', 'not read: notes must end in lower-case ".md"; rename it to "long.md"'],
    ]);
    expect(found.diagnostics.every((d) => d.line === 1 && d.column === 1)).toBe(true);
  });

  it('should apply config.ignore globs', async () => {
    const found = await discover(libraryFixture, { ...defaultConfig, ignore: ['skipped/**', 'broken.md'] });
    expect(found.files).toEqual(['alpha.md', 'sub/beta.md']);
  });

  it('should not follow a symlink to /etc/passwd, and warn about it', async () => {
    const root = tempLibrary();
    writeFileSync(path.join(root, 'real.md'), '# Real\n');
    symlinkSync('/etc/passwd', path.join(root, 'passwd.md'));
    const found = await discover(root, defaultConfig);
    expect(found.files).toEqual(['real.md']);
    expect(found.diagnostics).toMatchObject([{ file: 'passwd.md', ruleId: 'discovery-symlink', severity: 'warning', message: expect.stringContaining('symlink not followed') }]);
  });

  it('should finish at once on a symlink loop, reporting the link', async () => {
    const root = tempLibrary();
    mkdirSync(path.join(root, 'a'));
    writeFileSync(path.join(root, 'a', 'note.md'), '# Note\n');
    symlinkSync('../a', path.join(root, 'a', 'self'));
    symlinkSync('.', path.join(root, 'here'));
    const started = performance.now();
    const found = await discover(root, defaultConfig);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(found.files).toEqual(['a/note.md']);
    expect(found.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['a/self', 'discovery-symlink'],
      ['here', 'discovery-symlink'],
    ]);
  });

  it('should report NFC and NFD spellings of one name as a collision on each file', async () => {
    const root = tempLibrary();
    writeFileSync(path.join(root, 'caf\u00e9.md'), '# NFC\n');
    writeFileSync(path.join(root, 'cafe\u0301.md'), '# NFD\n');
    const found = await discover(root, defaultConfig);
    expect(found.files).toHaveLength(2);
    expect(found.diagnostics.map((d) => [d.ruleId, d.severity, d.related?.map((r) => r.file)])).toEqual([
      ['discovery-collision', 'error', ['caf\u00e9.md']],
      ['discovery-collision', 'error', ['cafe\u0301.md']],
    ]);
    expect(found.diagnostics[0]!.message).toContain('differ only by letter case or Unicode normalisation');
  });

  it('should report Note.md and note.md (in any folders) as a collision, but not same-name files', async () => {
    const root = tempLibrary();
    mkdirSync(path.join(root, 'x'));
    mkdirSync(path.join(root, 'y'));
    writeFileSync(path.join(root, 'Note.md'), '# A\n');
    writeFileSync(path.join(root, 'x', 'note.md'), '# B\n');
    writeFileSync(path.join(root, 'y', 'same.md'), '# C\n');
    writeFileSync(path.join(root, 'x', 'same.md'), '# D\n');
    const found = await discover(root, defaultConfig);
    expect(found.diagnostics.map((d) => [d.file, d.related?.map((r) => r.file)])).toEqual([
      ['Note.md', ['x/note.md']],
      ['x/note.md', ['Note.md']],
    ]);
  });

  it('should fold case fully (ß and SS) and normalise before comparing', () => {
    expect(collisionKey('Straße')).toBe(collisionKey('STRASSE'));
    expect(collisionKey('cafe\u0301')).toBe(collisionKey('CAF\u00c9'));
    expect(collisionKey('a')).not.toBe(collisionKey('b'));
  });

  it('should report a missing library folder instead of throwing', async () => {
    const found = await discover(path.join(tempLibrary(), 'nope'), defaultConfig);
    expect(found.files).toEqual([]);
    expect(found.diagnostics).toMatchObject([{ ruleId: 'discovery-missing-library', severity: 'error' }]);
  });

  it('should give the same list for a copy of the library made in another order', async () => {
    const copy = tempLibrary();
    cpSync(libraryFixture, copy, { recursive: true });
    const a = await discover(libraryFixture, defaultConfig);
    const b = await discover(copy, defaultConfig);
    expect(b).toEqual(a);
  });
});
