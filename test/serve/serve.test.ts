/**
 * `commonplace serve` as a user runs it (the compiled CLI in a child
 * process): the URL line, live state after edits and errors, and hostile
 * requests sent as raw bytes so that paths reach the server as written.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_STREAMS } from '../../src/serve/server.js';
import { ensureCompiled } from '../reliability/cli.js';
import { libraryCopy, rawGet, rawRequest, startServe, statusOf, type Served } from './serve-process.js';

let served: Served;
const SECRET = 'top secret: outside the site';

beforeAll(async () => {
  ensureCompiled();
  const cwd = libraryCopy();
  writeFileSync(path.join(cwd, 'secret.txt'), SECRET);
  mkdirSync(path.join(cwd, 'templates'));
  served = await startServe(cwd);
  // A symlink inside the site pointing out of it, and one to a folder outside.
  symlinkSync(path.join(cwd, 'secret.txt'), path.join(cwd, 'dist', 'site', 'link.txt'));
  mkdirSync(path.join(cwd, 'outside'));
  writeFileSync(path.join(cwd, 'outside', 'index.html'), SECRET);
  symlinkSync(path.join(cwd, 'outside'), path.join(cwd, 'dist', 'site', 'linked-folder'));
}, 120_000);

afterAll(async () => {
  served?.child.kill('SIGINT');
  expect(await served?.exited).toBe(0);
  if (served) rmSync(served.cwd, { recursive: true, force: true });
}, 120_000); // serve stops after the full build it is running (a hang guard, not a speed bound)

/** Reads the event stream until a `state` event satisfies `wanted`. */
/** What the event stream sends (src/serve/server.ts). */
interface LiveState {
  version: number;
  errors: { file: string; line: number; column: number; message: string; ruleId: string }[];
  building?: boolean;
}

/** No full build running or waiting. */
const idle = (state: LiveState): boolean => state.building !== true;

function waitForState(url: string, wanted: (state: LiveState) => boolean): Promise<LiveState> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}__commonplace/events`, (response) => {
      let buffer = '';
      response.on('data', (d: Buffer) => {
        buffer += d.toString();
        for (const match of buffer.matchAll(/event: state\ndata: (.*)\n\n/g)) {
          const state = JSON.parse(match[1]!);
          if (wanted(state)) {
            request.destroy();
            resolve(state);
          }
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      });
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}

/** Opens an event stream with a raw socket; resolves with the socket and the response head. */
function openStream(port: number): Promise<{ socket: net.Socket; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) resolve({ socket, head });
    });
    socket.on('error', reject);
    socket.write(`GET /__commonplace/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  });
}

describe('commonplace serve', () => {
  it('should print one line with its loopback URL and serve the site with the live script injected', async () => {
    expect(served.stdout()).toBe(`Serving http://127.0.0.1:${served.port}/\n`);
    const response = await rawGet(served.port, '/');
    expect(statusOf(response)).toBe(200);
    expect(response).toMatch(/\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    expect(response).toContain('<script src="/__commonplace/live.js" defer></script></head>');
    expect(response).toContain('connect-src &#x27;self&#x27;');
    // dist/ itself is never changed by serving.
    expect(readFileSync(path.join(served.cwd, 'dist', 'site', 'index.html'), 'utf8')).not.toContain('__commonplace');
  });

  it.each([
    ['/../secret.txt'],
    ['/../../secret.txt'],
    ['/%2e%2e/%2e%2e/secret.txt'],
    ['/%2E%2E/secret.txt'],
    ['/..%2f..%2fsecret.txt'],
    ['/essays%2f..%2f..%2f..%2fsecret.txt'],
    ['/..\\..\\secret.txt'],
    ['/%5c..%5c..%5csecret.txt'],
    ['/index.html%00.css'],
    ['/%00'],
    ['//etc/passwd'],
    ['/etc/passwd'],
    ['http://127.0.0.1/../secret.txt'],
    ['/link.txt'],
    ['/linked-folder/'],
    ['/linked-folder/index.html'],
    ['/essays/'],
    ['/assets'],
  ])('should refuse %j with 404 and never show a file outside the site or a listing', async (target) => {
    const response = await rawGet(served.port, target);
    expect(statusOf(response)).toBe(404);
    expect(response).not.toContain(SECRET);
    expect(response).not.toContain('root:');
    expect(response).not.toMatch(/amazons-single-threaded-model\.html"/);
  });

  it('should serve the 404 page for a missing nested path with its links lifted to the site root', async () => {
    const response = await rawGet(served.port, '/essays/deep/missing.html');
    expect(statusOf(response)).toBe(404);
    expect(response).toContain('<h1>Page not found</h1>');
    expect(response).toContain('<link rel="stylesheet" href="../../assets/handbook.css">');
    expect(response).toContain('<a href="../../index.html">Go to the contents</a>');
    expect(response).toContain('<a class="skip-link" href="#main">');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('should refuse %s with 405 and Allow: GET, HEAD', async (method) => {
    const response = await rawRequest(served.port, `${method} / HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expect(statusOf(response)).toBe(405);
    expect(response).toMatch(/\r\nAllow: GET, HEAD\r\n/);
  });

  it('should answer HEAD with headers only', async () => {
    const response = await rawRequest(served.port, `HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(response)).toBe(200);
    expect(response.endsWith('\r\n\r\n')).toBe(true);
  });

  it.each(['evil.example', `evil.example:${0}`, 'attacker.test:80', ''])('should refuse a request whose Host is %j (DNS rebinding) with 421', async (host) => {
    const response = await rawRequest(served.port, `GET / HTTP/1.1\r\n${host ? `Host: ${host}\r\n` : ''}Connection: close\r\n\r\n`);
    // Node answers a request with no Host at all with 400 itself.
    expect([421, 400]).toContain(statusOf(response));
    expect(response).not.toContain('<main');
  });

  it('should refuse headers past Node\'s 16 KB limit with 431 and go on serving', async () => {
    const response = await rawRequest(served.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(response)).toBe(431);
    expect(statusOf(await rawGet(served.port, '/'))).toBe(200);
  });

  it(`should refuse event streams past ${MAX_EVENT_STREAMS} open ones with 503 and go on serving pages`, async () => {
    const sockets = await Promise.all(Array.from({ length: MAX_EVENT_STREAMS + 8 }, () => openStream(served.port)));
    const statuses = sockets.map(({ head }) => statusOf(head));
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(MAX_EVENT_STREAMS);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(8);
    expect(statusOf(await rawGet(served.port, '/'))).toBe(200);
    for (const { socket } of sockets) socket.destroy();
    // Closed streams free their places.
    await expect
      .poll(async () => {
        const { socket, head } = await openStream(served.port);
        socket.destroy();
        return statusOf(head);
      }, { timeout: 10_000 })
      .toBe(200);
  }, 60_000);

  it('should accept localhost as the Host of a loopback server', async () => {
    expect(statusOf(await rawGet(served.port, '/', `localhost:${served.port}`))).toBe(200);
  });

  it.each([
    ['/assets/handbook.css', 'text/css; charset=utf-8'],
    ['/assets/site.js', 'text/javascript; charset=utf-8'],
    ['/search/meta.js', 'text/javascript; charset=utf-8'],
    ['/search/docs/0.js', 'text/javascript; charset=utf-8'],
    ['/essays/choose-boring-technology.html', 'text/html; charset=utf-8'],
    ['/__commonplace/live.js', 'text/javascript; charset=utf-8'],
  ])('should serve %s as %s with nosniff', async (target, type) => {
    const response = await rawGet(served.port, target);
    expect(statusOf(response)).toBe(200);
    expect(response).toContain(`\r\nContent-Type: ${type}\r\n`);
    expect(response).toContain('\r\nX-Content-Type-Options: nosniff\r\n');
  });

  it('should rebuild after an edit, keep the last good site while a lint error lasts, and clear it after the fix', async () => {
    const note = path.join(served.cwd, 'library', 'choose-boring-technology.md');
    const original = readFileSync(note, 'utf8');
    // A save's full build may still run after the page showed it: start from a quiet server.
    const start = await waitForState(served.url, idle);
    const edited = waitForState(served.url, (s) => s.version > start.version && idle(s));
    writeFileSync(note, original.replace('McKinley argues', 'McKinley (edited) argues'));
    const afterEdit = await edited;
    expect(afterEdit.errors).toEqual([]);
    expect(await rawGet(served.port, '/essays/choose-boring-technology.html')).toContain('McKinley (edited) argues');

    const broken = waitForState(served.url, (s) => s.errors.length > 0);
    writeFileSync(note, original.replace(/^title: .*$/m, 'title:'));
    const withError = await broken;
    expect(withError.version).toBe(afterEdit.version);
    expect(withError.errors[0]).toMatchObject({ file: 'choose-boring-technology.md', line: expect.any(Number), column: expect.any(Number), ruleId: expect.any(String) });
    expect(await rawGet(served.port, '/essays/choose-boring-technology.html')).toContain('McKinley (edited) argues');

    const fixed = waitForState(served.url, (s) => s.errors.length === 0 && s.version > withError.version);
    writeFileSync(note, original);
    expect((await fixed).errors).toEqual([]);
    expect(await rawGet(served.port, '/essays/choose-boring-technology.html')).not.toContain('(edited)');
  }, 120_000);

  it('should rebuild after the config changes, show a config that does not load as an error, and rebuild after its fix', async () => {
    const config = path.join(served.cwd, 'commonplace.config.json');
    // A save's full build may still run after the page showed it: start from a quiet server.
    const start = await waitForState(served.url, idle);
    const retitled = waitForState(served.url, (s) => s.version > start.version);
    // The copy had no config file: creating one counts as a change too.
    writeFileSync(config, JSON.stringify({ handbook: { title: 'Retitled Handbook' } }));
    const afterTitle = await retitled;
    expect(await rawGet(served.port, '/')).toContain('<title>Retitled Handbook</title>');

    const broken = waitForState(served.url, (s) => s.errors.length > 0);
    writeFileSync(config, '{ "handbook": { "title": 7 } }');
    const withError = await broken;
    expect(withError.errors).toEqual([{ file: 'commonplace.config.json', line: 1, column: 1, message: expect.stringMatching(/title/), ruleId: 'config' }]);
    expect(withError.version).toBe(afterTitle.version);
    expect(await rawGet(served.port, '/')).toContain('<title>Retitled Handbook</title>');

    const fixed = waitForState(served.url, (s) => s.errors.length === 0 && s.version > withError.version);
    writeFileSync(config, JSON.stringify({ handbook: { title: 'Fixed Handbook' } }));
    await fixed;
    expect(await rawGet(served.port, '/')).toContain('<title>Fixed Handbook</title>');
  }, 120_000);

  it("should notice a change to the project's templates", async () => {
    writeFileSync(path.join(served.cwd, 'templates', 'essay.md'), '---\ntitle: "{{title}}"\n---\n');
    await expect.poll(() => served.stderr(), { timeout: 30_000 }).toMatch(/^templates\/essay\.md changed$/m);
  }, 60_000);

  it("should remove a deleted note's page from the site", async () => {
    // No other note links to this one, so deleting it leaves the library clean.
    const note = path.join(served.cwd, 'library', 'the-nature-of-the-firm.md');
    expect(statusOf(await rawGet(served.port, '/essays/the-nature-of-the-firm.html'))).toBe(200);
    // A save's full build may still run after the page showed it: start from a quiet server.
    const start = await waitForState(served.url, idle);
    const rebuilt = waitForState(served.url, (s) => s.version > start.version || s.errors.length > 0);
    rmSync(note);
    expect((await rebuilt).errors).toEqual([]);
    expect(statusOf(await rawGet(served.port, '/essays/the-nature-of-the-firm.html'))).toBe(404);
  }, 120_000);

  it('should exit 2 with one line suggesting --port when the port is in use', async () => {
    const error = await startServe(libraryCopy(), ['--port', String(served.port)]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toBe(`commonplace serve: port ${served.port} is in use on 127.0.0.1; try another with --port\n`);
  }, 120_000);
});
