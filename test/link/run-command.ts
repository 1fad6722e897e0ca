/** Runs the real CLI entry point in-process with captured output (no mocks of our own stages). */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a command printed and returned. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `commonplace ...argv` from `cwd`; `tty` makes stdout claim to be a terminal. */
export async function runCommand(argv: string[], cwd: string, options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  const capture = () => {
    const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return { stream, text: () => text };
  };
  const out = capture();
  const err = capture();
  if (options.tty) out.stream.isTTY = true;
  const code = await main(argv, { cwd, env: options.env ?? {}, stdout: out.stream, stderr: err.stream, stdin: new PassThrough() });
  return { code, stdout: out.text(), stderr: err.text() };
}
