/**
 * Runs the real `commonplace serve` (the compiled CLI) in a child process
 * over a temp copy of the bundled library, for the serve tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from '../reliability/cli.js';

/** A running `serve`: its folder, URL, port and output so far. */
export interface Served {
  cwd: string;
  url: string;
  port: number;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** A temp folder with a copy of the bundled library (lint-clean). */
export function libraryCopy(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'commonplace-serve-'));
  cpSync(path.join(ROOT, 'library'), path.join(cwd, 'library'), { recursive: true });
  return cwd;
}

/** Starts `serve` in `cwd` and waits for its URL line (or its exit). */
export function startServe(cwd: string, args: string[] = ['--port', '0']): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      const match = /^Serving (http:\/\/[^\s]+\/)$/m.exec(out);
      if (match) {
        clearInterval(check);
        resolve({ cwd, url: match[1]!, port: Number(new URL(match[1]!).port), child, stdout: () => out, stderr: () => err, exited });
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(check);
      if (!/^Serving /m.test(out)) reject(Object.assign(new Error(`serve exited ${code}: ${err}`), { code, stderr: err, stdout: out }));
    });
  });
}

/** Sends `request` as raw bytes (so the path reaches the server as written) and returns the response text. */
export function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (d) => (response += d.toString('latin1')));
    socket.on('end', () => resolve(response));
    // A server may answer and reset before reading all of a huge request: the answer is what counts.
    socket.on('error', (error) => (response === '' ? reject(error) : resolve(response)));
    socket.write(request);
  });
}

/** A GET of `target` as written, with the right Host, closing after the response. */
export const rawGet = (port: number, target: string, host = `127.0.0.1:${port}`): Promise<string> =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

/** The status code of a raw response. */
export const statusOf = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
