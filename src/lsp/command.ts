/**
 * `commonplace lsp [--stdio] [--library DIR] [--no-cache]`: the language
 * server over stdin/stdout. It runs until the client sends `exit`.
 */
import { defineCommand, type CommandSpec } from '../cli/io.js';

/** The command line of `lsp`: flags, usage line, help and examples. */
export const spec = {
  name: 'lsp',
  usage: 'lsp [options]',
  description: `Serves the Language Server Protocol over stdin/stdout: lint diagnostics as
you type, completion of [[links]], concepts, tags and sections, go to
definition, references, hover, symbols, rename and quick fixes. Start it
from your editor (see the README for Neovim, Helix and VS Code).`,
  flags: {
    stdio: { type: 'boolean', help: 'talk over stdin/stdout (the default and only transport)' },
    library: { type: 'string', value: 'DIR', help: 'the library folder (default: "library" in commonplace.config.json)' },
    'no-cache': { type: 'boolean', help: 'parse every note afresh at start-up' },
  },
  examples: ['commonplace lsp --stdio   # as an editor starts it'],
  notes: 'Exit codes: 0 after the client\'s shutdown and exit, 1 on exit without shutdown, 2 usage error.',
} as const satisfies CommandSpec;

/** The `lsp` command. */
export const run = defineCommand(spec, async ({ values }, io) => {
  const { startServer } = await import('./server.js');
  return startServer({ input: io.stdin, output: io.stdout, cwd: io.cwd, cache: values['no-cache'] !== true, ...(values.library !== undefined ? { library: values.library } : {}) });
});
