/**
 * `commonplace lsp [--stdio] [--library DIR] [--no-cache]`: the language
 * server over stdin/stdout. It runs until the client sends `exit`.
 */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../cli/io.js';

/** The `lsp --help` text. */
export const usage = `Usage: commonplace lsp [options]

Serves the Language Server Protocol over stdin/stdout: lint diagnostics as
you type, completion of [[links]], concepts, tags and sections, go to
definition, references, hover, symbols, rename and quick fixes. Start it
from your editor (see the README for Neovim, Helix and VS Code).

Options:
  --stdio           talk over stdin/stdout (the default and only transport)
  --library DIR     the library folder (default: "library" in commonplace.config.json)
  --no-cache        parse every note afresh at start-up
  -h, --help        show this help

Exit codes: 0 after the client's shutdown and exit, 1 on exit without shutdown, 2 usage error.`;

/** The `lsp` command. */
export const run: Command = async (argv, io) => {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        stdio: { type: 'boolean', default: false },
        library: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const { startServer } = await import('./server.js');
  return startServer({ input: io.stdin, output: io.stdout, cwd: io.cwd, cache: !values['no-cache'], ...(values.library !== undefined ? { library: values.library } : {}) });
};
