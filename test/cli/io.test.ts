/**
 * The shared command line (src/cli/io.ts) on a spec of its own, as a new
 * command (`init`, `serve`) would declare one: what it parses, what it
 * refuses, and the help it writes.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defineCommand, helpText, parseCommandLine, UsageError, type CommandSpec } from '../../src/cli/io.js';

const spec = {
  name: 'demo',
  usage: 'demo [DIR…] [options]',
  description: 'A command for the tests.',
  positionals: 'DIR',
  flags: {
    title: { type: 'string', short: 't', value: 'T', help: 'a title' },
    tag: { type: 'string', multiple: true, value: 'TAG', help: 'a tag\n(repeat for several)' },
    force: { type: 'boolean', help: 'overwrite' },
  },
  examples: ['commonplace demo notes --title "My notes"'],
  notes: 'Exit codes: 0 done.',
} as const satisfies CommandSpec;

const usageMessage = (argv: string[]): string => {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no UsageError');
};

describe('parseCommandLine', () => {
  it('should read --name value, --name=value, short flags, repeated lists, booleans and positionals', () => {
    expect(parseCommandLine(spec, ['a', '--title', 'x y', '--tag=one', '-t', 'z', '--tag', 'two', '--force', 'b'])).toEqual({
      values: { title: 'z', tag: ['one', 'two'], force: true },
      positionals: ['a', 'b'],
      help: false,
      version: false,
    });
  });

  it('should take a value starting with one dash, and everything after -- as positional', () => {
    expect(parseCommandLine(spec, ['--title', '-5', '--', '--force', '-t'])).toMatchObject({ values: { title: '-5' }, positionals: ['--force', '-t'] });
  });

  it('should see --help, -h and --version without running anything', () => {
    expect(parseCommandLine(spec, ['-h'])).toMatchObject({ help: true, version: false });
    expect(parseCommandLine(spec, ['--version'])).toMatchObject({ help: false, version: true });
  });

  it.each([
    [['--titel', 'x'], 'unknown option --titel; did you mean --title?'],
    [['--forse'], 'unknown option --forse; did you mean --force?'],
    [['--zzzzzzzz'], 'unknown option --zzzzzzzz'],
    [['-q'], 'unknown option -q'],
    [['--title'], '--title needs a value (--title T)'],
    [['--title', '--force'], '--title needs a value (--title T)'],
    [['--title='], '--title needs a value (--title T)'],
    [['--force=no'], '--force takes no value (got "no")'],
    [['--help=1'], '--help takes no value (got "1")'],
  ])('should refuse %j with one line', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it('should refuse a positional when the spec takes none', () => {
    const { positionals: _, ...noPositionals } = spec;
    expect(() => parseCommandLine(noPositionals, ['x'])).toThrow('unexpected argument "x": commonplace demo takes only options');
  });
});

describe('helpText', () => {
  it('should write the usage line, description, aligned options (with --help and --version), examples and notes', () => {
    expect(helpText(spec)).toBe(`Usage: commonplace demo [DIR…] [options]

A command for the tests.

Options:
  -t, --title T  a title
  --tag TAG      a tag
                 (repeat for several)
  --force        overwrite
  -h, --help     show this help
  --version      print the version

Examples:
  commonplace demo notes --title "My notes"

Exit codes: 0 done.
`);
  });
});

describe('defineCommand', () => {
  it('should attach the usage line to a UsageError thrown by the handler, and print help without running it', async () => {
    let ran = 0;
    const run = defineCommand(spec, async () => {
      ran++;
      throw new UsageError('no DIR given');
    });
    let out = '';
    const stdout = new PassThrough();
    stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const io = { cwd: '.', env: {}, stdout, stderr: new PassThrough(), stdin: new PassThrough() };
    expect(await run(['--help'], io)).toBe(0);
    expect(out).toBe(helpText(spec));
    expect(ran).toBe(0);
    const error = await run([], io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).usage).toBe('Usage: commonplace demo [DIR…] [options]');
    expect(ran).toBe(1);
  });
});
