/**
 * The HTTP side of `commonplace serve`: Node's http server over the site
 * folder, GET and HEAD only, requests whose Host is not this server refused
 * (DNS rebinding), files resolved by resolve.ts (never outside the site,
 * never a listing), and a Server-Sent Events stream telling open pages the
 * build's version and its lint errors.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { contentType, resolveSitePath } from './resolve.js';
import { EVENTS, injectLive, LIVE_JS, LIVE_SCRIPT, rootRelative } from './live.js';

/** What open pages are told after each build. */
export interface LiveState {
  /** Changes when the site on disk changed: pages reload. */
  version: number;
  errors: { file: string; line: number; column: number; message: string; ruleId: string }[];
  warnings: number;
  /**
   * Pages (URL paths) whose bytes this version did not change, though the
   * version did: a page showing one of them need not reload (a full build
   * that wrote what the fast path had already shown).
   */
  unchanged?: string[];
  /** True while a full build is running or waiting to run (a newer site is on its way). */
  building?: boolean;
}

/** The header that says where a page's bytes came from: `memory` (the fast path's overlay) or `disk` (dist/site). */
export const SOURCE_HEADER = 'X-Commonplace-Source';

/** A running site server. */
export interface SiteServer {
  server: http.Server;
  /** Tells every open page the new state. */
  publish(state: LiveState): void;
  /**
   * Resolves once as many event streams have opened since the call as were
   * open at it (the pages told to reload have loaded again), or after
   * `limitMs`, whichever comes first.
   */
  reopened(limitMs: number): Promise<void>;
  /** Stops accepting requests and ends every open event stream. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Whether a request's Host header names this server (DNS rebinding: a page
 * on an attacker's domain that resolves to us carries that domain as Host).
 * Bound to loopback: only `127.0.0.1`, `localhost` and `[::1]`. Bound to
 * another address: that address, any IP literal (an IP cannot be rebound,
 * and a machine bound to 0.0.0.0 has several), `localhost` and this
 * machine's host name (`hostname`, so `http://myhost:4321/` works on a LAN);
 * never another name. The port must be ours in every case.
 */
export function hostAllowed(header: string, bound: string, port: number, hostname: string = os.hostname()): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+):(\d+)$/i.exec(header.trim().toLowerCase());
  if (!match || Number(match[2]) !== port) return false;
  const name = match[1]!;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  if (LOOPBACK.has(bare)) return true;
  if (LOOPBACK.has(bound)) return false;
  if (bare === bound.toLowerCase()) return true;
  return net.isIP(bare) !== 0 || (hostname !== '' && bare === hostname.toLowerCase());
}

/** Most open event streams at once (each is one socket): past it, new ones get 503, so a flood cannot exhaust file descriptors. */
export const MAX_EVENT_STREAMS = 64;

/**
 * Creates (does not start) the server for `root` (a real, absolute path).
 * `overlay` (read on each request) holds pages rendered in memory by the
 * fast path, by path under the site (`essays/a.html`): served instead of the
 * file on disk, and only for a path that names a file of the site.
 */
export function createSiteServer(root: string, initial: LiveState, overlay: ReadonlyMap<string, Buffer> = new Map()): SiteServer {
  let state = initial;
  const streams = new Set<http.ServerResponse>();
  let opened = 0;
  const openWaiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      // A file renamed away mid-request (a rebuild) or unreadable: one failed request, never a crashed server.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    }
  });
  const handle = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const port = (server.address() as { port: number } | null)?.port ?? 0;
    const address = server.address() as { address: string } | null;
    const send = (status: number, text: string, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    if (!hostAllowed(request.headers.host ?? '', address?.address ?? '127.0.0.1', port)) return send(421, 'Unknown host');
    const url = request.url ?? '';
    const pathname = url.split('?')[0]!.split('#')[0]!;
    if (pathname === EVENTS) {
      if (streams.size >= MAX_EVENT_STREAMS) return send(503, 'Too many open pages', { 'Retry-After': '5' });
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
      streams.add(response);
      opened++;
      for (const check of openWaiters) check();
      request.on('close', () => streams.delete(response));
      return;
    }
    if (pathname === LIVE_SCRIPT) return send(200, LIVE_JS, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    const file = resolveSitePath(root, pathname);
    const notFound = resolveSitePath(root, '/404.html');
    if (!file) {
      if (!notFound) return send(404, 'Not found');
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      return void response.end(request.method === 'HEAD' ? undefined : injectLive(rootRelative(readFileSync(notFound, 'utf8'), pathname)));
    }
    const type = contentType(file);
    const fresh = overlay.get(path.relative(root, file).split(path.sep).join('/'));
    const bytes = fresh ?? readFileSync(file);
    const body = type.startsWith('text/html') ? Buffer.from(injectLive(bytes.toString('utf8'))) : bytes;
    const source = fresh ? 'memory' : 'disk';
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', [SOURCE_HEADER]: source });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  return {
    server,
    publish(next) {
      state = next;
      for (const stream of streams) stream.write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
    },
    reopened(limitMs) {
      const wanted = opened + streams.size;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          openWaiters.delete(check);
          resolve();
        };
        const check = (): void => {
          if (opened >= wanted) done();
        };
        const timer = setTimeout(done, limitMs);
        openWaiters.add(check);
        check();
      });
    },
    close() {
      for (const check of openWaiters) check();
      for (const stream of streams) stream.end();
      streams.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
