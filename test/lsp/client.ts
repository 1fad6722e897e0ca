/**
 * A real LSP client for the tests: spawns the compiled `commonplace lsp`
 * and talks to it over stdio with vscode-jsonrpc and the protocol's types,
 * as an editor would. Diagnostics are collected per URI as they arrive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin/commonplace.js');

/** A temp project: `commonplace.config.json` + `library/` copied from a fixture folder. */
export function makeProject(fixture: string, config: Record<string, unknown> = {}): { dir: string; library: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-lsp-'));
  const library = path.join(dir, 'library');
  cpSync(path.join(ROOT, fixture), library, { recursive: true });
  writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: 'library', ...config }));
  return { dir, library };
}

/** One running server and the client connected to it. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly stderr: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly dir: string,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    });
    // Requests a server may send: registrations, messages, show document.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** Spawns `commonplace lsp` in `dir` and initializes it with `dir` as the workspace folder. */
  static async start(dir: string, args: string[] = [], initializationOptions: Record<string, unknown> = {}): Promise<{ client: LspClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [BIN, 'lsp', ...args], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, dir);
    const result = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'test' }],
      capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } },
      initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, result };
  }

  uri(file: string): string {
    return pathToFileURL(path.join(this.dir, file)).href;
  }

  async open(file: string, text: string): Promise<string> {
    const uri = this.uri(file);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: file.endsWith('.yml') ? 'yaml' : 'markdown', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(file: string, text: string): Promise<void> {
    const uri = this.uri(file);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(file: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
  }

  /** The latest diagnostics published for `file` once `accept` holds for them (waits up to `ms`). */
  async waitFor(file: string, accept: (d: Diagnostic[]) => boolean = () => true, ms = 20_000): Promise<Diagnostic[]> {
    const uri = this.uri(file);
    const deadline = Date.now() + ms;
    for (;;) {
      const latest = this.diagnostics.get(uri)?.at(-1);
      if (latest && accept(latest.diagnostics)) return latest.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(latest?.diagnostics.map((d) => d.code))}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Shuts the server down politely; resolves with its exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
