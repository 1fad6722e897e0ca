import type { Command } from './io.js';

// Placeholder until the command lands (owned by its issue).
export const run: Command = async (_argv, io) => {
  io.stderr.write('commonplace search: not implemented yet\n');
  return 2;
};
