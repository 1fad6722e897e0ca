/**
 * What every command shares: its outside world (`CommandIO`), and one
 * table-driven command line. A command declares its flags, usage line and
 * examples in one `CommandSpec`; `defineCommand` parses argv against it,
 * answers `--help` and `--version`, and turns every bad argument into a
 * one-line `UsageError` in our own words (never Node's parseArgs wording).
 */
import { closestMatch } from '../check/suggest.js';

/** What a command needs from the outside world, so tests can run commands in-process. */
export interface CommandIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A command: parses its own arguments, returns the exit code (0 ok, 1 findings/failure, 2 usage/config error). */
export type Command = (argv: string[], io: CommandIO) => Promise<number>;

/**
 * Thrown for a bad flag or argument: one line saying what is wrong (and the
 * closest valid name). The CLI prints it, then `usage` when set, and exits 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command's usage line (`Usage: commonplace lint [FILE…] [options]`), attached by `defineCommand`. */
  usage: string | undefined;
}

/** One flag of a command. Every command also takes `-h, --help` and `--version`. */
export interface FlagSpec {
  type: 'boolean' | 'string';
  /** A one-letter alias (`f` for `-f`). */
  short?: string;
  /** A string flag that may be repeated; its value is then a list. */
  multiple?: boolean;
  /** The value's name in help and messages (`DIR`, `N`). */
  value?: string;
  /** One line (or a few) for `--help`. */
  help: string;
}

/** A command's whole command-line contract: what `--help` prints and what the parser accepts. */
export interface CommandSpec<F extends Record<string, FlagSpec> = Record<string, FlagSpec>> {
  name: string;
  /** What follows "Usage: commonplace " on one line, e.g. `lint [FILE…] [options]`. */
  usage: string;
  /** What the command does, for `--help`. */
  description: string;
  flags: F;
  /** The name of the positional arguments (`FILE`, `QUERY`); absent when the command takes none. */
  positionals?: string;
  /** Whole command lines, each optionally followed by `  # what it does`. */
  examples: readonly string[];
  /** Closing lines of `--help` (exit codes and the like). */
  notes?: string;
}

/** The parsed flag values: booleans, strings, or lists for `multiple` flags; absent when not given. */
export type FlagValues<F extends Record<string, FlagSpec>> = {
  [K in keyof F]?: F[K] extends { type: 'boolean' } ? boolean : F[K] extends { multiple: true } ? string[] : string;
};

export interface ParsedArgs<F extends Record<string, FlagSpec>> {
  values: FlagValues<F>;
  positionals: string[];
  /** `--help` or `-h` was given. */
  help: boolean;
  /** `--version` was given. */
  version: boolean;
}

/** `Usage: commonplace <usage>`. */
export const usageLine = (spec: CommandSpec): string => `Usage: commonplace ${spec.usage}`;

const flagLabel = (name: string, flag: FlagSpec): string =>
  `${flag.short ? `-${flag.short}, ` : ''}--${name}${flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''}`;

const BUILT_IN: Record<string, FlagSpec> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', help: 'print the version' },
};

/** The full `--help` text: usage line, description, options, examples, notes. */
export function helpText(spec: CommandSpec): string {
  const flags = [...Object.entries(spec.flags), ...Object.entries(BUILT_IN)];
  const labels = flags.map(([name, flag]) => flagLabel(name, flag));
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const options = flags.map(([, flag], i) => {
    const [first = '', ...rest] = flag.help.split('\n');
    return [`  ${labels[i]!.padEnd(width)}${first}`, ...rest.map((line) => `  ${' '.repeat(width)}${line}`)].join('\n');
  });
  const parts = [usageLine(spec), spec.description, `Options:\n${options.join('\n')}`];
  if (spec.examples.length > 0) parts.push(`Examples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}`);
  if (spec.notes) parts.push(spec.notes);
  return `${parts.join('\n\n')}\n`;
}

/** `; did you mean "--x"?` for the closest flag, or ''. */
function suggestFlag(written: string, spec: CommandSpec): string {
  const names = [...Object.keys(spec.flags), ...Object.keys(BUILT_IN)].map((n) => `--${n}`);
  const match = closestMatch(written, names);
  return match === null ? '' : `; did you mean ${match}?`;
}

/**
 * Parses `argv` against `spec`. `--name value`, `--name=value`, `-x value`,
 * repeated `multiple` flags, and `--` (everything after it is positional).
 * A string flag takes the next argument as its value unless that starts
 * with `--`, so `--max-warnings -1` reaches the flag's own check.
 * Throws UsageError with one line on anything else.
 */
export function parseCommandLine<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: readonly string[]): ParsedArgs<F> {
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  const parsed = { help: false, version: false };
  const byShort = new Map<string, [string, FlagSpec]>(
    [...Object.entries(spec.flags), ...Object.entries(BUILT_IN)].filter(([, f]) => f.short).map(([n, f]) => [f.short!, [n, f]]),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string;
    let flag: FlagSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      flag = Object.hasOwn(spec.flags, name) ? spec.flags[name] : Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
      if (!flag) throw new UsageError(`unknown option --${name}${suggestFlag(`--${name}`, spec)}`);
    } else if (arg.length > 1 && arg.startsWith('-')) {
      const entry = arg.length === 2 ? byShort.get(arg[1]!) : undefined;
      if (!entry) throw new UsageError(`unknown option ${arg}${suggestFlag(arg, spec)}`);
      [name, flag] = entry;
    } else {
      if (spec.positionals === undefined) throw new UsageError(`unexpected argument "${arg}": commonplace ${spec.name} takes only options`);
      positionals.push(arg);
      continue;
    }
    const label = `--${name}`;
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${label} takes no value (got "${inline}")`);
      if (Object.hasOwn(BUILT_IN, name) && !Object.hasOwn(spec.flags, name)) parsed[name as 'help' | 'version'] = true;
      else values[name] = true;
      continue;
    }
    let value = inline;
    if (value === '') throw new UsageError(`${label} needs a value (${label} ${flag.value ?? 'VALUE'})`);
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${label} needs a value (${label} ${flag.value ?? 'VALUE'})`);
      value = next;
      i++;
    }
    if (flag.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return { values: values as FlagValues<F>, positionals, ...parsed };
}

/** A command built from its spec: `handler` runs only for a well-formed command line without --help/--version. */
export type SpecCommand = Command & { spec: CommandSpec };

/**
 * Wraps `handler` with the shared command line: parses `argv` against
 * `spec`, prints help or the version, and gives every UsageError (from the
 * parser or the handler) the command's usage line. `argv` is passed on as
 * given, for commands that relaunch themselves.
 */
export function defineCommand<const F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  handler: (args: ParsedArgs<F>, io: CommandIO, argv: string[]) => Promise<number>,
): SpecCommand {
  const command: Command = async (argv, io) => {
    try {
      const args = parseCommandLine(spec, argv);
      if (args.help) {
        io.stdout.write(helpText(spec));
        return 0;
      }
      if (args.version) {
        const { version } = await import('../version.js');
        io.stdout.write(`${version}\n`);
        return 0;
      }
      return await handler(args, io, argv);
    } catch (error) {
      if (error instanceof UsageError) error.usage ??= usageLine(spec);
      throw error;
    }
  };
  return Object.assign(command, { spec: spec as CommandSpec });
}

export const processIO = (): CommandIO => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
