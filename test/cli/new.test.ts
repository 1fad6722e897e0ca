import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inProcess, inTerminal } from './terminal.js';
import { noteFromText } from '../../src/read/parse.js';
import { runCli, type CliResult } from '../reliability/cli.js';

/** Runs the compiled CLI as a user would, in `cwd`, with no terminal. */
const cli = async (args: string[], cwd: string): Promise<Pick<CliResult, 'code' | 'stdout' | 'stderr'>> => {
  const { code, stdout, stderr } = await runCli(args, { cwd });
  return { code, stdout, stderr };
};




const required = (title: string, source = 'https://example.com/essay'): string[] => ['new', '--title', title, '--author', 'Pedro Gallego', '--year', '2020', '--source', source];

let dir: string;
let library: string;
beforeAll(() => {
  if (!existsSync('lib/cli/new.js')) throw new Error('compile first: npm run compile');
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cp-new-'));
  library = path.join(dir, 'library');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('commonplace new', () => {
  it('should create library/<slug>.md from the template, print its path, and read back with the given values', async () => {
    const result = await cli([...required("Amazon's Single-Threaded Model"), '--venue', 'Personal blog', '--kind', 'POST', '--tags', 'org, leadership,', '--concepts', 'ownership'], dir);
    expect(result).toEqual({ code: 0, stdout: 'library/amazons-single-threaded-model.md\n', stderr: '' });
    const note = noteFromText('amazons-single-threaded-model.md', readFileSync(path.join(library, 'amazons-single-threaded-model.md'), 'utf8'));
    expect(note.frontmatter?.data).toEqual({
      title: "Amazon's Single-Threaded Model",
      author: 'Pedro Gallego',
      year: 2020,
      source: 'https://example.com/essay',
      venue: 'Personal blog',
      kind: 'post',
      tags: ['org', 'leadership'],
      concepts: ['ownership'],
    });
    expect(note.sections.map((s) => s.key)).toEqual(['centralArgument', 'critique', 'whyItMatters']);
  });

  it('should leave a prompt in the summary and each section that lint reports as a placeholder until replaced', async () => {
    await cli(required('Fresh Note'), dir);
    const lint = await cli(['lint', '--format', 'json'], dir);
    expect(lint.code).toBe(1);
    const [report] = JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number }[] }[];
    const placeholders = report?.messages.filter((m) => m.ruleId === 'placeholder').map((m) => m.line);
    const text = readFileSync(path.join(library, 'fresh-note.md'), 'utf8').split('\n');
    expect(placeholders).toEqual(text.flatMap((line, i) => (line.startsWith('TODO:') ? [i + 1] : [])));
    expect(placeholders).toHaveLength(4);
  });

  it('should write several --author flags as a list', async () => {
    await cli(['new', '--title', 'Team Topologies', '--author', 'Matthew Skelton', '--author', 'Manuel Pais', '--year', '2019', '--source', 'https://teamtopologies.com/'], dir);
    expect(noteFromText('t.md', readFileSync(path.join(library, 'team-topologies.md'), 'utf8')).meta.authors).toEqual(['Matthew Skelton', 'Manuel Pais']);
  });

  it('should never overwrite: the same title twice exits 1, names the note, and leaves the first file byte-identical', async () => {
    expect((await cli(required('Same Title'), dir)).code).toBe(0);
    const before = readFileSync(path.join(library, 'same-title.md'));
    const second = await cli(required('SAME title', 'https://example.com/other'), dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('same-title.md already has the title "SAME title"');
    expect(second.stderr).toContain('--slug same-title-2');
    expect(readFileSync(path.join(library, 'same-title.md'))).toEqual(before);
    expect(readdirSync(library)).toEqual(['same-title.md']);
  });

  it('should refuse a source URL already in the library even under another title', async () => {
    await cli(required('First'), dir);
    const result = await cli(required('Second', 'https://example.com/essay/'), dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('first.md already cites https://example.com/essay/');
  });

  it('should refuse a planted dangling symlink at the target and leave it alone', async () => {
    mkdirSync(library);
    const outside = path.join(dir, 'outside.md');
    symlinkSync(outside, path.join(library, 'planted.md'));
    const result = await cli(required('Planted'), dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('planted.md already exists');
    expect(existsSync(outside)).toBe(false);
    expect(lstatSync(path.join(library, 'planted.md')).isSymbolicLink()).toBe(true);
  });

  it('should make exactly one file when two runs race on one title', async () => {
    for (let round = 0; round < 3; round++) {
      const title = `Race ${round}`;
      const results = await Promise.all([cli(required(title, `https://example.com/${round}`), dir), cli(required(title, `https://example.com/${round}`), dir)]);
      expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
      expect(readFileSync(path.join(library, `race-${round}.md`), 'utf8')).toContain(`title: Race ${round}`);
    }
    expect(readdirSync(library).sort()).toEqual(['race-0.md', 'race-1.md', 'race-2.md']);
  }, 120_000);

  it.each([
    ['../../etc/passwd', 'etc-passwd.md'],
    ['😀🎉', /^note-[0-9a-f]{8}\.md$/],
    ['CON', 'con-note.md'],
    ['a/b\\c', 'a-b-c.md'],
    ['nul\u0000byte', 'nul-byte.md'],
    ['..', /^note-[0-9a-f]{8}\.md$/],
    ['x'.repeat(500), `${'x'.repeat(80)}.md`],
  ])('should create a file directly inside the library for the title %j', async (title: string, file: string | RegExp) => {
    const result = await inProcess(required(title), dir);
    expect(result.code).toBe(0);
    expect(readdirSync(library)).toEqual([expect.stringMatching(file)]);
    expect(readdirSync(dir).sort()).toEqual(['library']);
  });

  it('should ask for missing fields in a terminal, re-asking on an invalid answer', async () => {
    const result = await inTerminal("new --title 'Asked In A Terminal'", dir, [
      ['Author', 'Matthew Skelton, Manuel Pais\r'],
      ['Year of publication', 'twenty\r'],
      ['is not a whole number', '\x7f'.repeat(6) + '2019\r'],
      ['Source URL', 'https://example.com/asked\r'],
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('library/asked-in-a-terminal.md');
    const note = noteFromText('a.md', readFileSync(path.join(library, 'asked-in-a-terminal.md'), 'utf8'));
    expect(note.frontmatter?.data).toMatchObject({ title: 'Asked In A Terminal', author: ['Matthew Skelton', 'Manuel Pais'], year: 2019, source: 'https://example.com/asked' });
  });

  it('should write nothing when the prompt is cancelled with Ctrl-C', async () => {
    const result = await inTerminal("new --title 'Cancelled'", dir, [['Author', '\x03']]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('cancelled; nothing written');
    expect(existsSync(library)).toBe(false);
  });

  it('should exit 2 naming the missing flags when there is no terminal to ask in', async () => {
    const result = await cli(['new', '--title', 'Only a title'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^commonplace new: missing --author, --year, --source \(no terminal to ask in\)/);
    expect(existsSync(library)).toBe(false);
  });

  it.each([
    [['--year', 'twenty'], 'year "twenty" is not a whole number'],
    [['--year', '20200'], 'year 20200 is outside 1000–2100'],
    [['--source', 'ftp://example.com/x'], 'must be an http(s) URL'],
    [['--source', 'not a url'], 'is not a URL'],
    [['--kind', 'novel'], 'kind "novel" is not one of essay, book, paper, talk, post'],
    [['--slug', '../escape'], '--slug "../escape" is not a valid file name'],
    [['--slug', 'con'], '--slug "con" is a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9): con.md could not be opened there; use e.g. --slug con-note'],
    [['--bogus'], 'unknown option --bogus\nUsage: commonplace new --title T --author A --year Y --source URL [options]\n'],
  ])('should exit 2 for %j with a message', async (extra, message) => {
    const result = await inProcess([...required('Valid'), ...extra], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(library)).toBe(false);
  });

  it('should honour --slug and --library', async () => {
    mkdirSync(path.join(dir, 'elsewhere'));
    const result = await inProcess([...required('Anything'), '--slug', 'my-own-name', '--library', 'elsewhere'], dir);
    expect(result).toMatchObject({ code: 0, stdout: 'elsewhere/my-own-name.md\n' });
  });

  // README "Exit codes": 2 for a missing library folder (issue 20, item 1).
  it('should exit 2 for a --library folder that does not exist, and create nothing', async () => {
    const result = await inProcess([...required('Anything'), '--library', 'libary'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('library folder not found: libary');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('should write relation flags, repeated or comma-separated, as relations: by file name, resolving titles and aliases', async () => {
    expect((await cli([...required('How Do Committees Invent?', 'https://example.com/conway'), '--slug', 'conway'], dir)).code).toBe(0);
    expect((await cli([...required('Scaling Agile at Spotify', 'https://example.com/spotify'), '--slug', 'spotify'], dir)).code).toBe(0);
    const result = await cli(
      [...required('Team Topologies', 'https://example.com/tt'), '--builds-on', 'how do committees invent?', '--contradicts', 'spotify,conway', '--responds-to', 'Scaling Agile at Spotify', '--builds-on', 'conway'],
      dir,
    );
    expect(result).toEqual({ code: 0, stdout: 'library/team-topologies.md\n', stderr: '' });
    const text = readFileSync(path.join(library, 'team-topologies.md'), 'utf8');
    expect(/relations:\n(?: {2}.*\n)+---\n/.exec(text)?.[0]).toBe('relations:\n  responds-to:\n    - spotify\n  builds-on:\n    - conway\n  contradicts:\n    - spotify\n    - conway\n---\n');
    const lint = await cli(['lint', '--no-cache', '--format', 'json'], dir);
    const ids = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));
    expect(ids.filter((id) => id.startsWith('relation-') || id.startsWith('frontmatter-') || id === 'field-type')).toEqual([]);
  });

  it('should exit 2 with the closest name when a relation flag names no note, and write nothing', async () => {
    expect((await cli([...required('How Do Committees Invent?', 'https://example.com/conway'), '--slug', 'conway'], dir)).code).toBe(0);
    const result = await cli([...required('Team Topologies', 'https://example.com/tt'), '--builds-on', 'How Do Comittees Invent'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('commonplace new: --builds-on "How Do Comittees Invent": no note in the library has that file name, title or alias; did you mean "How Do Committees Invent?"?');
    expect(existsSync(path.join(library, 'team-topologies.md'))).toBe(false);
  });

  it('should print its usage with --help', async () => {
    const result = await inProcess(['new', '--help'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: commonplace new --title T');
  });

  it.each([
    ['title', '--title=Caf\uFFFD'],
    ['author', '--author=Ann \uFFFD'],
    ['venue', '--venue=\uFFFD'],
  ])('should refuse a %s holding U+FFFD, which the reader refuses, and write nothing', async (field, flag) => {
    mkdirSync(path.join(dir, `unreadable-${field}`));
    const args = ['new', '--title=Readable', '--author=Ann', '--year', '1999', '--source', 'https://example.com/unreadable', '--library', `unreadable-${field}`];
    const result = await inProcess([...args.filter((a) => !a.startsWith(`--${field}=`)), flag], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${field} contains U+FFFD`);
    expect(readdirSync(path.join(dir, `unreadable-${field}`))).toEqual([]);
  });

  it('should write any title, author and venue as YAML that reads back as exactly those strings', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && s === s.trim() && !/[\u0000\uFFFD]/.test(s));
    const hostile = fc.constantFrom('Hello\nauthor: mallory\n---\n<script>', 'Hello: world #1', 'yes', '2020-01-01', 'NO', '012345', "it's \"quoted\"", '- a', '[x]');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, hostile), fc.oneof(text, hostile), fc.oneof(text, hostile), async (title, author, venue) => {
        run++;
        // `--flag=value`: a value may start with `-` (parseArgs refuses `--title -x` as ambiguous).
        mkdirSync(path.join(dir, `lib-${run}`));
        const args = ['new', `--title=${title}`, `--author=${author}`, `--venue=${venue}`, '--year', '1999', '--source', `https://example.com/${run}`, '--library', `lib-${run}`];
        const result = await inProcess(args, dir);
        expect(result.stderr).toBe('');
        const [file = ''] = readdirSync(path.join(dir, `lib-${run}`));
        const written = readFileSync(path.join(dir, `lib-${run}`, file), 'utf8');
        const data: unknown = parse(written.slice(4, written.indexOf('\n---\n', 4) + 1), { schema: 'core', uniqueKeys: true });
        expect(data).toMatchObject({ title, author, venue, year: 1999 });
        const note = noteFromText(file, written);
        expect(note.frontmatter?.problems).toEqual([]);
        expect([note.meta.title, note.meta.authors, note.meta.venue]).toEqual([title, [author], venue]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
