/**
 * Messages that used to mislead (issue #20, "Messages that mislead or
 * repeat", items 4 and 10): each says the real reason and the way out, on
 * real files in a temporary copy of the good fixture library.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/cli/format/stylish.js';
import { main } from '../../src/cli/main.js';
import { rules } from '../../src/check/rules/index.js';
import { runCommand } from '../link/run-command.js';

const GOOD = fileURLToPath(new URL('../fixtures/lint/good', import.meta.url));
const REQUIRED = ['--author', 'A. Author', '--year', '2020', '--source', 'https://example.org/new-note'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cp-messages-'));
  cpSync(GOOD, path.join(dir, 'library'), { recursive: true });
});

describe('the stylish summary line (README "Lint output")', () => {
  it('should print a summary line on a clean run, as markdownlint-cli2 does, and exit 0', async () => {
    const result = await runCommand(['lint'], dir);
    expect(result).toEqual({ code: 0, stdout: '✔ No problems in 6 files\n', stderr: '' });
    const one = await runCommand(['lint', 'library/owning-teams.md'], dir);
    expect(one.stdout).toBe('✔ No problems in 1 file\n');
  });

  it('should colour the clean summary green only on a terminal', () => {
    expect(formatStylish({ diagnostics: [], files: ['a.md', 'b.md'], rules, color: true })).toBe('\u001b[32m✔ No problems in 2 files\u001b[39m\n');
    expect(formatStylish({ diagnostics: [], files: ['a.md', 'b.md'], rules, color: false })).toBe('✔ No problems in 2 files\n');
  });

  it('should print nothing but JSON for --format json on a clean run', async () => {
    const result = await runCommand(['lint', '--format', 'json'], dir);
    expect(result.code).toBe(0);
    const files = JSON.parse(result.stdout) as { messages: unknown[] }[];
    expect(files.map((f) => f.messages.length)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('lint with a folder on the command line (as ESLint and markdownlint-cli2 take folders)', () => {
  it('should lint every note when the folder named is the library itself', async () => {
    const result = await runCommand(['lint', 'library'], dir);
    expect(result).toEqual({ code: 0, stdout: '✔ No problems in 6 files\n', stderr: '' });
  });

  it('should lint the notes under a folder inside the library', async () => {
    mkdirSync(path.join(dir, 'library/teams'));
    renameSync(path.join(dir, 'library/owning-teams.md'), path.join(dir, 'library/teams/owning-teams.md'));
    renameSync(path.join(dir, 'library/crlf-note.md'), path.join(dir, 'library/teams/crlf-note.md'));
    const result = await runCommand(['lint', 'library/teams', '--format', 'json'], dir);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual(['library/teams/crlf-note.md', 'library/teams/owning-teams.md']);
  });

  it('should say how to lint a folder outside the library instead of calling it "not inside the library library"', async () => {
    cpSync(GOOD, path.join(dir, 'other'), { recursive: true });
    const result = await runCommand(['lint', 'other'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'commonplace lint: other is a folder outside the library (library); to lint it as a library, run "commonplace lint --library other"\n' +
        'Usage: commonplace lint [FILE|FOLDER…] [options]\n',
    );
    expect(result.stderr).not.toContain('library library');
  });

  it('should say when a folder inside the library holds no notes', async () => {
    mkdirSync(path.join(dir, 'library/empty'));
    const result = await runCommand(['lint', 'library/empty'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('commonplace lint: no notes under library/empty (only .md files inside the library are linted)');
  });
});

describe('new --slug with a Windows reserved name', () => {
  it.each([['con'], ['nul'], ['com1'], ['lpt9']])('should refuse --slug %s naming the real reason and a slug that works', async (slug) => {
    const result = await runCommand(['new', '--title', 'Console wars', ...REQUIRED, '--slug', slug], dir);
    expect(result.code).toBe(2);
    const [message] = result.stderr.split('\n');
    expect(message).toBe(
      `commonplace new: --slug "${slug}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9): ${slug}.md could not be opened there; use e.g. --slug ${slug}-note`,
    );
    expect(message).not.toContain('lower-case');
    expect(existsSync(path.join(dir, `library/${slug}.md`))).toBe(false);
  });

  it('should still explain a slug that is not lower-case words', async () => {
    const result = await runCommand(['new', '--title', 'Console wars', ...REQUIRED, '--slug', 'Console Wars'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'commonplace new: --slug "Console Wars" is not a valid file name; use lower-case letters, digits and single dashes, e.g. --slug console-wars',
    );
  });
});

describe('a file given as the library to new and import', () => {
  it('should say the library path is a file and exit 2, writing nothing', async () => {
    writeFileSync(path.join(dir, 'into-file.md'), 'just a file\n');
    const before = readdirSync(dir).sort();
    const result = await runCommand(['new', '--title', 'Hello', ...REQUIRED, '--library', 'into-file.md'], dir);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'commonplace new: the library into-file.md is a file, not a folder; point --library (or "library" in commonplace.config.json) at the notes folder\n',
    });
    expect(result.stderr).not.toContain('already exists');
    writeFileSync(path.join(dir, 'seed.txt'), 'Library · essay\nTitle\n');
    const imported = await runCommand(['import', 'seed.txt', '--library', 'into-file.md'], dir);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toBe(
      'commonplace import: the library into-file.md is a file, not a folder; point --library (or "library" in commonplace.config.json) at the notes folder\n',
    );
    expect(readdirSync(dir).sort()).toEqual([...before, 'seed.txt'].sort());
  });

  it('should say the same for lint and build, instead of "not found"', async () => {
    writeFileSync(path.join(dir, 'into-file.md'), 'just a file\n');
    for (const command of ['lint', 'build']) {
      const result = await runCommand([command, '--library', 'into-file.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the library into-file.md is a file, not a folder');
    }
  });
});

describe('an alias is called an alias', () => {
  it('should refuse a new note whose title is an existing alias, calling it an alias', async () => {
    const result = await runCommand(['new', '--title', 'The squads essay', ...REQUIRED], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('owning-teams.md already has "The squads essay" as an alias;');
    expect(result.stderr).not.toContain('already has the title');
  });

  it('should still call a title a title', async () => {
    const result = await runCommand(['new', '--title', 'Outcome-owning squads', ...REQUIRED], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('owning-teams.md already has the title "Outcome-owning squads";');
  });

  it('should say when related found the note by its alias, and suggest an alias as an alias', async () => {
    const found = await runCommand(['related', 'the squads essay'], dir);
    expect(found.code).toBe(0);
    expect(found.stdout.split('\n')[0]).toBe('Related to Outcome-owning squads (owning-teams.md), found by its alias "The squads essay":');
    const byTitle = await runCommand(['related', 'Outcome-owning squads'], dir);
    expect(byTitle.stdout.split('\n')[0]).toBe('Related to Outcome-owning squads (owning-teams.md):');
    const missed = await runCommand(['related', 'the squads esay'], dir);
    expect(missed).toEqual({
      code: 1,
      stdout: '',
      stderr: 'commonplace related: no note matches "the squads esay"; did you mean "The squads essay" (an alias of owning-teams.md)?\n',
    });
  });
});

describe('an unexpected failure (brief: no stack trace ever reaches a user)', () => {
  /** `search` whose stdout fails as a closed pipe does; stderr is captured. */
  async function searchWithBrokenStdout(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const broken = Object.assign(new PassThrough(), {
      write(): boolean {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    });
    const err = new PassThrough();
    err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await main(['search', 'squads', '--library', 'library'], { cwd: dir, env, stdout: broken, stderr: err, stdin: new PassThrough() });
    return { code, stderr };
  }

  it('should print one line and exit 2, with the stack only under DEBUG=commonplace', async () => {
    expect(await searchWithBrokenStdout({})).toEqual({ code: 2, stderr: 'commonplace search: failed: the output was closed before everything was written (a closed pipe) (EPIPE)\n' });
    const debug = await searchWithBrokenStdout({ DEBUG: 'commonplace' });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^commonplace search: failed: .* \(EPIPE\)\nError: write EPIPE\n {4}at /);
  });
});
