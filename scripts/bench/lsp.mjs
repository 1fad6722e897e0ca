/**
 * Benchmark of `commonplace lsp` (a measurement, not a test):
 *
 *   npm run compile && node scripts/bench/lsp.mjs [--sizes 1000,10000] [--edits 50] [--keep]
 *   node scripts/bench/lsp.mjs --sizes 10000 --project DIR   (a project kept by --keep)
 *
 * For each size: a generated corpus (scripts/gen-corpus.ts) in a temp
 * project, one `commonplace lint` to warm the cache, then a real client over
 * stdio measures initialize → first diagnostics of an opened note; didChange
 * → its publishDiagnostics (median and p90 over --edits body edits, and over
 * 10 title edits, which rebuild the name indexes); completion after `[[`
 * (median over 20 queries); and the server's resident memory (VmRSS, VmHWM).
 * Targets (issue #16, at 10,000 notes): ≤ 2 s, ≤ 100 ms, ≤ 50 ms, ≤ 1 GiB.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as rpc from 'vscode-jsonrpc/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/commonplace.js');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000' }, edits: { type: 'string', default: '50' }, keep: { type: 'boolean', default: false }, project: { type: 'string' } } });
const sizes = values.sizes.split(',').map(Number);
const edits = Number(values.edits);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x) => `${x.toFixed(1)} ms`;

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function benchSize(size) {
  // --project DIR reuses a project an earlier run kept (--keep): corpus and warm cache already there.
  const reuse = values.project !== undefined;
  const dir = reuse ? path.resolve(values.project) : mkdtempSync(path.join(tmpdir(), `commonplace-lsp-bench-${size}-`));
  const library = path.join(dir, 'library');
  if (!reuse) {
    writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: 'library' }));
    let t = performance.now();
    spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/gen-corpus.ts'), '--out', library, '--count', String(size)], { cwd: ROOT, stdio: 'inherit' });
    console.log(`  corpus: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    spawnSync(process.execPath, [BIN, 'lint'], { cwd: dir, stdio: 'ignore' });
    console.log(`  warm-up lint: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const files = readdirSync(library).filter((f) => f.endsWith('.md')).sort();
  const file = files[Math.floor(files.length / 2)];
  const uri = pathToFileURL(path.join(library, file)).href;
  const original = readFileSync(path.join(library, file), 'utf8');

  const start = performance.now();
  const child = spawn(process.execPath, [BIN, 'lsp'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const w of waiting.splice(0)) if (!w(params)) waiting.push(w);
  });
  connection.onRequest(() => null);
  connection.listen();
  const published = (accept) => new Promise((resolve) => waiting.push((p) => (p.uri === uri && accept(p) ? (resolve(p), true) : false)));

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }], capabilities: {}, initializationOptions: {} });
  await connection.sendNotification('initialized', {});
  const first = published(() => true);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: original } });
  await first;
  const firstDiagnostics = performance.now() - start;

  let version = 1;
  const change = async (text) => {
    version++;
    const v = version;
    const done = published((p) => p.version === v);
    const t0 = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    await done;
    return performance.now() - t0;
  };
  const bodyTimes = [];
  for (let i = 0; i < edits; i++) bodyTimes.push(await change(original.replace(/\n## /, `\nEdit number ${i} adds words.\n\n## `)));
  const titleTimes = [];
  for (let i = 0; i < 10; i++) titleTimes.push(await change(original.replace(/^title: (.*)$/m, (_, title) => `title: ${title} ${i}`)));
  await change(original);

  const lines = original.split('\n');
  const line = lines.findIndex((l) => l.startsWith('## ')) + 2;
  const queries = ['a', 'th', 'sys', 'org', 'de', 'co', 'pro', 'man', 'e', 'in', 'la', 'st', 're', 'ti', 'qu', 'ar', 'mo', 'ne', 'pl', 'xy'];
  const completionTimes = [];
  let items = 0;
  for (const q of queries) {
    const text = [...lines.slice(0, line), `See [[${q}`, ...lines.slice(line)].join('\n');
    version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    const t0 = performance.now();
    const list = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 6 + q.length } });
    completionTimes.push(performance.now() - t0);
    items += list.items.length;
  }
  const mem = memory(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  if (!values.keep && !reuse) rmSync(dir, { recursive: true, force: true });
  return { size, firstDiagnostics, body: bodyTimes, title: titleTimes, completion: completionTimes, items: items / queries.length, mem };
}

for (const size of sizes) {
  console.log(`${size} notes:`);
  const r = await benchSize(size);
  console.log(`  initialize → first diagnostics: ${ms(r.firstDiagnostics)}`);
  console.log(`  didChange → publishDiagnostics (body edit): median ${ms(median(r.body))}, p90 ${ms(p90(r.body))} over ${r.body.length}`);
  console.log(`  didChange → publishDiagnostics (title edit): median ${ms(median(r.title))}, p90 ${ms(p90(r.title))} over ${r.title.length}`);
  console.log(`  completion after [[: median ${ms(median(r.completion))}, p90 ${ms(p90(r.completion))} (${r.items.toFixed(0)} items on average)`);
  console.log(`  server memory: RSS ${r.mem.rss.toFixed(0)} MiB, peak ${r.mem.peak.toFixed(0)} MiB`);
}
