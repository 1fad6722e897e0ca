/**
 * The `commonplace` entry point: picks the command, and is (with each
 * command's `run`) the only place that decides an exit code.
 */
import { closestMatch } from '../check/suggest.js';
import { processIO, UsageError, type Command, type CommandIO } from './io.js';
import { ConfigError } from '../config.js';
import { reportFailure } from './errors.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

/** Every command, in the order `--help` lists them; each module is loaded only when its command runs. */
const commands: Record<string, CommandEntry> = {
  lint: { summary: 'check the library', load: async () => (await import('./lint.js')).run },
  build: { summary: 'write the handbook and index into dist/', load: async () => (await import('./build.js')).run },
  new: { summary: 'scaffold a note from the template', load: async () => (await import('./new.js')).run },
  import: { summary: 'convert plain-text notes into Markdown notes', load: async () => (await import('./import.js')).run },
  concepts: { summary: 'list glossary concepts, or suggest new ones', load: async () => (await import('./concepts.js')).run },
  related: { summary: 'show the notes related to one note', load: async () => (await import('./related.js')).run },
  search: { summary: 'rank notes for a query', load: async () => (await import('./search.js')).run },
  init: { summary: 'set up Commonplace in a project folder', load: async () => (await import('./init.js')).run },
  lsp: { summary: 'serve the Language Server Protocol over stdio (for editors)', load: async () => (await import('../lsp/command.js')).run },
  serve: { summary: 'serve the site and rebuild on every save', load: async () => (await import('./serve.js')).run },
};

/** The command names, in table order (tests walk every command's --help and --version). */
export const commandNames: readonly string[] = Object.keys(commands);

const USAGE_LINE = 'Usage: commonplace <command> [options]';

export const usage = `${USAGE_LINE}

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Options:
  -h, --help     show this help
  -v, --version  print the version

Run "commonplace <command> --help" (or "commonplace help <command>") for a command's options and examples.`;

/** The one line for a mistyped command (or top-level option): the closest one, or the list of commands. */
function unknownCommand(name: string): string {
  const names = Object.keys(commands);
  if (name.startsWith('-')) {
    const match = closestMatch(name, ['--help', '--version']);
    return `unknown option ${name}; ${match !== null ? `did you mean ${match}?` : `give a command first (${names.join(', ')})`}`;
  }
  const match = closestMatch(name, names);
  return `unknown command "${name}"; ${match !== null ? `did you mean "${match}"?` : `the commands are ${names.join(', ')}`}`;
}

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  let [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) [name, rest] = [rest[0], ['--help']]; // `commonplace help lint`
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const { version } = await import('../version.js');
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr.write(`commonplace: ${unknownCommand(name)}\n${USAGE_LINE}\n`);
    return 2;
  }
  try {
    return await (await entry.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`commonplace ${name}: ${error.message}\n`);
      if (error instanceof UsageError && error.usage) io.stderr.write(`${error.usage}\n`);
      return 2;
    }
    return reportFailure(name, error, io); // one line, exit 2: never a stack trace (DEBUG=commonplace shows it)
  }
}

