import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteFromText } from '../../src/read/parse.js';
import { runCli, type CliResult } from '../reliability/cli.js';

const BIN = path.resolve('bin/commonplace.js');
const FIXTURES = path.resolve('test/fixtures/import');
const SEED = 'seed-single-threaded-model.txt';
const SEED_NOTE = 'amazons-single-threaded-model.md';

/** Runs the compiled CLI as a user would, in `cwd`, with no terminal. */
const cli = async (args: string[], cwd: string): Promise<Pick<CliResult, 'code' | 'stdout' | 'stderr'>> => {
  const { code, stdout, stderr } = await runCli(args, { cwd });
  return { code, stdout, stderr };
};

let dir: string;
let library: string;
beforeAll(() => {
  if (!existsSync('lib/cli/import.js')) throw new Error('compile first: npm run compile');
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cp-import-'));
  library = path.join(dir, 'library');
  for (const name of readdirSync(FIXTURES)) copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('commonplace import', () => {
  it('should import the seed into the library with its title, author, year, venue, source and text', async () => {
    const result = await cli(['import', SEED], dir);
    expect(result).toEqual({ code: 0, stdout: `${SEED} → library/${SEED_NOTE}\n`, stderr: '' });
    const note = noteFromText(SEED_NOTE, readFileSync(path.join(library, SEED_NOTE), 'utf8'));
    expect(note.meta).toMatchObject({
      title: "Amazon's Single-Threaded Model",
      authors: ['Pedro Gallego'],
      year: 2020,
      venue: 'Personal blog',
      kind: 'essay',
      source: 'https://pedrodelgallego.github.io/blog/amazon/single-threaded-model/',
    });
    const seed = readFileSync(path.join(FIXTURES, SEED), 'utf8').split('\n\n').map((p) => p.trim());
    expect(note.summary?.text).toBe(seed.slice(4, 8).join('\n\n'));
    expect(note.sections.map((s) => [s.heading, s.text])).toEqual([
      ['Central argument', seed[9]],
      ['Critique', seed[11]],
      ['Why it matters for product', seed[13]],
    ]);
  });

  it('should have produced the bundled library note: the committed file is byte-identical to a fresh import of the seed', async () => {
    // The bundled note was imported with the tags, concepts and relation the plain-text shape has no line for.
    mkdirSync(library);
    writeFileSync(path.join(library, 'how-do-committees-invent.md'), readFileSync(path.resolve('library', 'how-do-committees-invent.md')));
    await cli(['import', SEED, '--tags', 'org-design,product', '--concepts', 'single-threaded leader,ownership,organizational design,focus,context switching', '--builds-on', 'How Do Committees Invent?'], dir);
    expect(readFileSync(path.join(library, SEED_NOTE), 'utf8')).toBe(readFileSync(path.resolve('library', SEED_NOTE), 'utf8'));
  });

  it('should exit 2 for a relation flag that names no note, with the closest name, and write nothing', async () => {
    mkdirSync(library);
    writeFileSync(path.join(library, 'how-do-committees-invent.md'), readFileSync(path.resolve('library', 'how-do-committees-invent.md')));
    const result = await cli(['import', SEED, '--builds-on', 'How Do Committees Invnt?'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--builds-on "How Do Committees Invnt?": no note in the library has that file name, title or alias; did you mean "How Do Committees Invent?"?');
    expect(readdirSync(library)).toEqual(['how-do-committees-invent.md']);
  });

  it('should import the good files of a mixed call, refuse the bad ones saying why, and exit 1', async () => {
    const result = await cli(['import', 'no-title.txt', SEED, 'binary-png.txt', 'no-sections.txt', 'variants-crlf-pipe.txt', 'invalid-utf8.txt', 'missing.txt'], dir);
    expect(result.code).toBe(1);
    expect(readdirSync(library).sort()).toEqual([SEED_NOTE, 'team-topologies.md']);
    expect(result.stdout).toBe(`${SEED} → library/${SEED_NOTE}\nvariants-crlf-pipe.txt → library/team-topologies.md\n`);
    expect(result.stderr).toContain('no-title.txt: refused, nothing written:\n  - no title');
    expect(result.stderr).toContain('binary-png.txt: refused, nothing written:\n  - not UTF-8 text (it looks like binary data');
    expect(result.stderr).toContain('no-sections.txt: refused, nothing written:\n  - no section lines');
    expect(result.stderr).toContain('invalid-utf8.txt: refused, nothing written:\n  - not UTF-8 text (invalid byte 0xE9, at line 3, column 4)');
    expect(result.stderr).toContain('missing.txt: refused, nothing written:\n  - cannot read: ENOENT');
  });

  it('should never overwrite: importing the seed again exits 1 and leaves the note byte-identical', async () => {
    await cli(['import', SEED], dir);
    const before = readFileSync(path.join(library, SEED_NOTE));
    const again = await cli(['import', SEED], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${SEED_NOTE} already exists`);
    expect(again.stderr).toContain('already has the title');
    expect(readFileSync(path.join(library, SEED_NOTE))).toEqual(before);
  });

  // Issue 20, item 6: import has no --slug, so its refusal must not suggest one.
  it('should say what to do about a duplicate without suggesting --slug, which import does not have', async () => {
    await cli(['import', SEED], dir);
    const again = await cli(['import', SEED], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).not.toContain('--slug');
    expect(again.stderr).toContain(`${SEED_NOTE} already exists (slug "amazons-single-threaded-model", made from the title); rename that note, or change the title line of the plain-text file`);
  });

  it('should refuse a second file with the same title in one call', async () => {
    writeFileSync(path.join(dir, 'copy.txt'), readFileSync(path.join(dir, SEED), 'utf8').replace('/single-threaded-model/', '/copy/'));
    const result = await cli(['import', SEED, 'copy.txt'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('copy.txt: refused');
    expect(readdirSync(library)).toEqual([SEED_NOTE]);
  });

  it('should print the note and write nothing with --dry-run', async () => {
    const result = await cli(['import', '--dry-run', SEED], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${SEED} → library/${SEED_NOTE} (dry run, not written)\n---\ntitle: Amazon's Single-Threaded Model\n`);
    expect(result.stdout).toContain('\n## Why it matters for product\n');
    expect(existsSync(library)).toBe(false);
  });

  it('should honour --library and refuse a folder given as a file', async () => {
    mkdirSync(path.join(dir, 'notes'));
    const result = await cli(['import', '--library', 'notes', SEED, '.'], dir);
    expect(result.code).toBe(1);
    expect(readdirSync(path.join(dir, 'notes'))).toEqual([SEED_NOTE]);
    expect(result.stderr).toContain('.: refused, nothing written:\n  - not a regular file');
  });

  // README "Exit codes": 2 for a missing library folder (issue 20, item 1).
  it('should exit 2 for a --library folder that does not exist, and create nothing', async () => {
    const before = readdirSync(dir).sort();
    const result = await cli(['import', '--library', 'libary', SEED], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('library folder not found: libary');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('should exit 2 with its usage when no file is given', async () => {
    const result = await cli(['import'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no FILE given');
    expect((await cli(['import', '--help'], dir)).stdout).toContain('Usage: commonplace import FILE…');
  });
});
