/**
 * Running `commonplace` as a test needs it: in this process with captured
 * output and no terminal, or compiled in a real pseudo-terminal (util-linux
 * `script`) that answers each prompt when its text appears.
 */
import { spawn } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import type { CommandIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { BIN } from '../reliability/cli.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `commonplace` in this process (the binary's code path), output captured, no terminal. */
export async function inProcess(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        append(chunk.toString());
        done();
      },
    });
  const io: CommandIO = { cwd, env: {}, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), stdin: new PassThrough() };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the compiled CLI (`args` as a shell line) in a pseudo-terminal of `cols` columns, answering each prompt as it appears. */
export function inTerminal(args: string, cwd: string, answers: [prompt: string, keys: string][], cols = 100): Promise<Run> {
  return new Promise((resolve, reject) => {
    const command = `stty cols ${cols} rows 40; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'xterm', CI: '' } });
    let stdout = '';
    let stderr = '';
    const pending = [...answers];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      while (pending.length > 0 && stdout.includes(pending[0]![0])) child.stdin.write(pending.shift()![1]);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
