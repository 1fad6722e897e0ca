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

/** Thrown for a bad flag or argument; the CLI prints it with the command's usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const processIO = (): CommandIO => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
