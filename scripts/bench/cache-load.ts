/**
 * Measures src/cache on a real corpus: time to fill and flush the cache, its
 * size on disk, and time to get every note back (metadata only, then with
 * every tree touched). Not part of the bench run:
 *
 *   npx tsx scripts/bench/cache-load.ts LIBRARY_DIR
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashConfig, openNoteCache } from '../../src/cache/index.js';
import { defaultConfig } from '../../src/config.js';
import { hashBytes, isReadFailure, parseNote } from '../../src/read/parse.js';
import { packNote } from '../../src/read/bodies.js';
import type { Note } from '../../src/types.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cache-load.ts LIBRARY_DIR');
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'cp-cache-load-'));
const configHash = hashConfig(defaultConfig);
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const say = (label: string, start: number): void => {
  process.stdout.write(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
};

let start = performance.now();
const inputs = files.map((f) => ({ path: f, bytes: readFileSync(path.join(dir, f)) }));
const keys = inputs.map((i) => `${i.path}\0${hashBytes(i.bytes)}`);
say(`read + sha256 ${files.length} files`, start);
start = performance.now();
const values = inputs.map((i) => parseNote(i, defaultConfig));
say('parse (parseNote, 1 thread)', start);
start = performance.now();
const writer = openNoteCache({ dir: cacheDir, configHash });
values.forEach((v, i) => writer.set(keys[i]!, isReadFailure(v) ? v : packNote(v)));
writer.flush();
say('set + flush', start);
const bytes = readdirSync(cacheDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);
process.stdout.write(`cache size on disk: ${(bytes / 2 ** 20).toFixed(0)} MiB\n`);
start = performance.now();
const reader = openNoteCache({ dir: cacheDir, configHash });
const loaded = keys.map((k) => reader.get(k) as Note);
say('get all (heads: from the snapshot)', start);
start = performance.now();
let nodes = 0;
for (const [i, note] of loaded.entries()) if (note) nodes += reader.body(keys[i]!, ['tree', 'source']).tree.children.length;
say(`fetch every tree and source (${nodes} top-level nodes)`, start);
process.stdout.write(`hits ${reader.stats.hits}, rejected ${reader.stats.rejected}\n`);
rmSync(cacheDir, { recursive: true, force: true });
