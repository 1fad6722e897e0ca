/**
 * The measurement behind src/cache's storage format: how long it takes to
 * load N cached Notes stored (a) as one packed file or (b) one file per note,
 * each serialised with JSON or v8.serialize. Not part of the bench run; kept
 * so the decision can be re-measured:
 *
 *   npx tsx scripts/bench/cache-formats.ts LIBRARY_DIR
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { defaultConfig } from '../../src/config.js';
import { parseNote } from '../../src/read/parse.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: cache-formats.ts LIBRARY_DIR');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const values = files.map((f) => parseNote({ path: f, bytes: readFileSync(path.join(dir, f)) }, defaultConfig));
const out = path.join(os.tmpdir(), `cache-formats-${process.pid}`);
mkdirSync(out, { recursive: true });

const time = (label: string, fn: () => unknown): void => {
  const start = performance.now();
  fn();
  process.stdout.write(`${label.padEnd(40)} ${(performance.now() - start).toFixed(0)} ms\n`);
};
const size = (file: string): string => `${(readFileSync(file).length / 2 ** 20).toFixed(1)} MiB`;

process.stdout.write(`${values.length} notes\n`);
time('write packed v8', () => writeFileSync(path.join(out, 'packed.v8'), serialize(values)));
time('write packed JSON', () => writeFileSync(path.join(out, 'packed.json'), JSON.stringify(values)));
process.stdout.write(`packed v8 ${size(path.join(out, 'packed.v8'))}, JSON ${size(path.join(out, 'packed.json'))}\n`);
time('load packed v8', () => deserialize(readFileSync(path.join(out, 'packed.v8'))));
time('load packed JSON', () => JSON.parse(readFileSync(path.join(out, 'packed.json'), 'utf8')));
mkdirSync(path.join(out, 'each'));
time('write one v8 file per note', () => values.forEach((v, i) => writeFileSync(path.join(out, 'each', `${i}.v8`), serialize(v))));
time('load one v8 file per note', () => values.map((_v, i) => deserialize(readFileSync(path.join(out, 'each', `${i}.v8`)))));
time('load one JSON string per note (in memory)', () => values.map((v) => JSON.parse(JSON.stringify(v))));
const withoutTrees = values.map((v) => ('tree' in v ? { ...v, tree: null } : v));
time('write packed v8 without trees', () => writeFileSync(path.join(out, 'light.v8'), serialize(withoutTrees)));
time('load packed v8 without trees', () => deserialize(readFileSync(path.join(out, 'light.v8'))));
process.stdout.write(`packed v8 without trees ${size(path.join(out, 'light.v8'))}\n`);
rmSync(out, { recursive: true, force: true });
