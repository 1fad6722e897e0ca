/**
 * `commonplace lsp` against a hostile or careless client, over raw stdio:
 * garbage gets JSON-RPC protocol errors and the server keeps serving; an
 * unknown method gets MethodNotFound; exit codes follow the protocol (0
 * after shutdown, 1 without); a bad flag is a usage error (exit 2).
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import { BIN, makeProject, ROOT } from './client.js';
import { ensureCompiled } from '../reliability/cli.js';

interface Reply {
  id?: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server as a raw byte pipe, with every message it sends collected. */
function rawServer(cwd: string) {
  const child = spawn(process.execPath, [BIN, 'lsp'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const replies: Reply[] = [];
  new StreamMessageReader(child.stdout).listen((m) => replies.push(m as Reply));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const frame = (body: string): void => {
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const send = (message: object): void => frame(JSON.stringify({ jsonrpc: '2.0', ...message }));
  const next = async (accept: (r: Reply) => boolean): Promise<Reply> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = replies.find(accept);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such reply; got ${JSON.stringify(replies)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, frame, send, next, exited };
}

beforeAll(() => {
  ensureCompiled(); // tsc only when src/ is newer than lib/ (npm test has just compiled)
}, 120_000);

describe('lsp robustness', () => {
  const project = makeProject('test/fixtures/lsp');
  afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

  it('should answer garbage with protocol errors and keep serving', async () => {
    const server = rawServer(project.dir);
    server.frame('hello, not json');
    const parse = await server.next((r) => r.error?.code === -32700);
    expect(parse).toMatchObject({ id: null, error: { code: -32700 } });
    server.frame('{"foo":1}');
    expect(await server.next((r) => r.error?.code === -32600)).toMatchObject({ id: null });
    server.frame('[1,2,3]');
    await server.next((r) => r.error?.code === -32600 && r !== parse);
    server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(project.dir).href, capabilities: {} } });
    const init = await server.next((r) => r.id === 1);
    expect((init.result as { capabilities: { hoverProvider: boolean } }).capabilities.hoverProvider).toBe(true);
    server.send({ id: 2, method: 'no/such/method', params: {} });
    expect((await server.next((r) => r.id === 2)).error?.code).toBe(-32601);
    // A request whose params crash the handler is answered with an error; the next one still works.
    server.send({ method: 'initialized', params: {} });
    server.send({ id: 3, method: 'textDocument/definition', params: { position: null } });
    expect((await server.next((r) => r.id === 3)).error?.message).toMatch(/failed/u);
    server.send({ id: 4, method: 'workspace/symbol', params: { query: 'topo' } });
    expect(((await server.next((r) => r.id === 4)).result as { name: string }[]).map((s) => s.name)).toEqual(['Team Topologies']);
    server.send({ id: 5, method: 'shutdown' });
    await server.next((r) => r.id === 5);
    server.send({ method: 'exit' });
    expect(await server.exited).toBe(0);
  });

  it('should exit 1 when the client goes away without shutdown', async () => {
    const server = rawServer(project.dir);
    server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(project.dir).href, capabilities: {} } });
    await server.next((r) => r.id === 1);
    server.child.stdin.end();
    expect(await server.exited).toBe(1);
  });

  it('should refuse an unknown flag with exit 2 and print help with --help', () => {
    const bad = spawnSync(process.execPath, [BIN, 'lsp', '--tcp'], { cwd: project.dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('commonplace lsp: unknown option --tcp\nUsage: commonplace lsp [options]\n');
    const help = spawnSync(process.execPath, [BIN, 'lsp', '--help'], { cwd: project.dir, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: commonplace lsp');
  });
});
