/**
 * The command line as a newcomer meets it (issue #20 "messages", #14 "small
 * things"): every usage error is one line in our own words, with the closest
 * valid name where there is one, then the command's usage line, exit 2; every
 * command answers --help (usage, options, an example) and --version.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../../src/cli/main.js';
import { runCommand } from '../link/run-command.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Node's parseArgs wording, which must never reach a user. */
const NODE_WORDING = /Unknown option '|argument is ambiguous|To specify an option argument|as in '--|This command does not take positional arguments|argument missing/;

/** Runs `argv` and checks the usage-error shape: exit 2, nothing on stdout, one message line, then the usage line. */
async function usageError(argv: string[]): Promise<string> {
  const result = await runCommand(argv, ROOT);
  expect(result.code, argv.join(' ')).toBe(2);
  expect(result.stdout, argv.join(' ')).toBe('');
  expect(result.stderr, argv.join(' ')).not.toMatch(NODE_WORDING);
  const lines = result.stderr.split('\n');
  expect(lines, argv.join(' ')).toHaveLength(3); // message, usage line, final newline
  expect(lines[1], argv.join(' ')).toMatch(/^Usage: commonplace /);
  expect(lines[2]).toBe('');
  return lines[0]!;
}

describe('unknown commands', () => {
  it.each([
    ['lnt', 'commonplace: unknown command "lnt"; did you mean "lint"?'],
    ['buld', 'commonplace: unknown command "buld"; did you mean "build"?'],
    ['serach', 'commonplace: unknown command "serach"; did you mean "search"?'],
    ['publish', `commonplace: unknown command "publish"; the commands are ${commandNames.join(', ')}`],
    ['--verison', 'commonplace: unknown option --verison; did you mean --version?'],
  ])('should answer %j with the closest command in one line, then the usage line', async (name, message) => {
    expect(await usageError([name])).toBe(message);
  });
});

describe('usage errors of each command', () => {
  it.each([
    [['new', '--autor', 'Conway'], 'commonplace new: unknown option --autor; did you mean --author?'],
    [['new', '--titel=x'], 'commonplace new: unknown option --titel; did you mean --title?'],
    [['lint', '--formt', 'json'], 'commonplace lint: unknown option --formt; did you mean --format?'],
    [['build', '--libary', 'x'], 'commonplace build: unknown option --libary; did you mean --library?'],
    [['search', 'x', '--limt', '3'], 'commonplace search: unknown option --limt; did you mean --limit?'],
    [['import', '--slug', 'x', 'a.txt'], 'commonplace import: unknown option --slug'],
    [['lint', '-x'], 'commonplace lint: unknown option -x'],
    [['lint', '--max-warnings', '-1'], 'commonplace lint: --max-warnings expects a whole number ≥ 0, got "-1"'],
    [['lint', '--max-warnings'], 'commonplace lint: --max-warnings needs a value (--max-warnings N)'],
    [['lint', '--library', '--fix'], 'commonplace lint: --library needs a value (--library DIR)'],
    [['build', '--out='], 'commonplace build: --out needs a value (--out DIR)'],
    [['lint', '--fix=yes'], 'commonplace lint: --fix takes no value (got "yes")'],
    [['lint', '--format', 'jsno'], 'commonplace lint: unknown format "jsno"; did you mean "json"?'],
    [['lint', '--format', 'xml'], 'commonplace lint: unknown format "xml"; expected one of stylish, json, sarif, github'],
    [['build', 'library'], 'commonplace build: unexpected argument "library": commonplace build takes only options'],
    [['new', 'My title'], 'commonplace new: unexpected argument "My title": commonplace new takes only options'],
    [['search', '--limit', '0', 'x'], 'commonplace search: --limit expects a positive integer, got "0"'],
    [['related'], 'commonplace related: missing NOTE: a slug, path, title or alias'],
    [['concepts', '--limit', '3'], 'commonplace concepts: --limit goes with --suggest (how many suggestions to show)'],
    [['import'], 'commonplace import: no FILE given: name the plain-text files to import'],
  ])('should answer %j with one line in our own words, then the usage line', async (argv, message) => {
    expect(await usageError(argv)).toBe(message);
  });

  it('should follow the message with the command\'s usage line, not its whole help', async () => {
    const result = await runCommand(['lint', '--bogus'], ROOT);
    expect(result.stderr).toBe('commonplace lint: unknown option --bogus\nUsage: commonplace lint [FILE|FOLDER…] [options]\n');
    const missing = await runCommand(['new', '--title', 'Only a title'], ROOT);
    expect(missing.stderr).toBe('commonplace new: missing --author, --year, --source (no terminal to ask in)\nUsage: commonplace new --title T --author A --year Y --source URL [options]\n');
  });

  it('should read every word after -- as a positional, even one that looks like an option', async () => {
    // `--` ends the options: the words after it are the query, even "--json".
    const result = await runCommand(['search', '--library', 'test/fixtures/lint/good', '--', '--json'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No notes match "--json".\n');
  });
});

describe('--help and --version on every command', () => {
  it.each(commandNames.map((name) => [name]))('should show the usage line, options and an example for "%s --help"', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name]]) {
      const result = await runCommand(argv, ROOT);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^Usage: commonplace ${name}[ \\n]`));
      expect(result.stdout).toMatch(/\nOptions:\n {2}.*\n/);
      expect(result.stdout).toContain('  -h, --help');
      expect(result.stdout).toContain('  --version');
      expect(result.stdout).toMatch(new RegExp(`\\nExamples:\\n {2}commonplace ${name}\\b`));
    }
  });

  it.each(commandNames.map((name) => [name]))('should print the version for "%s --version"', async (name) => {
    const result = await runCommand([name, '--version'], ROOT);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('should print the version at the top level too', async () => {
    expect(await runCommand(['--version'], ROOT)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(await runCommand(['-v'], ROOT)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});
