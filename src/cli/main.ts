/**
 * The `commonplace` entry point: picks the command, and is (with each
 * command's `run`) the only place that decides an exit code.
 */
import { processIO, UsageError, type Command, type CommandIO } from './io.js';
import { ConfigError } from '../config.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

const commands: Record<string, CommandEntry> = {
  lint: { summary: 'check the library', load: async () => (await import('./lint.js')).run },
  build: { summary: 'write the handbook and index into dist/', load: async () => (await import('./build.js')).run },
  new: { summary: 'scaffold a note from the template', load: async () => (await import('./new.js')).run },
  import: { summary: 'convert plain-text notes into Markdown notes', load: async () => (await import('./import.js')).run },
  concepts: { summary: 'list glossary concepts, or suggest new ones', load: async () => (await import('./concepts.js')).run },
  related: { summary: 'show the notes related to one note', load: async () => (await import('./related.js')).run },
  search: { summary: 'rank notes for a query', load: async () => (await import('./search.js')).run },
  lsp: { summary: 'serve the Language Server Protocol over stdio (for editors)', load: async () => (await import('../lsp/command.js')).run },
};

export const usage = `Usage: commonplace <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "commonplace <command> --help" for a command's options.`;

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
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
    io.stderr.write(`commonplace: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  try {
    return await (await entry.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`commonplace ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
