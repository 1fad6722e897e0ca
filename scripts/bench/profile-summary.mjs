/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by
 * package (or project file) and the top functions, so "where the time goes"
 * can be read without a browser:
 *
 *   node scripts/bench/profile-summary.mjs FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary.mjs FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const top = Number(topArg ?? 15);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package> for dependencies, the path after the repo for project files. */
const ownerOf = (url) => {
  if (!url) return '(native / gc / idle)';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1];
  if (url.startsWith('node:')) return 'node core';
  const project = /\/(src|lib|scripts)\/(.+)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
};

const owners = new Map();
const functions = new Map();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  const frame = node.callFrame;
  const owner = ownerOf(frame.url);
  owners.set(owner, (owners.get(owner) ?? 0) + us);
  const name = `${frame.functionName || '(anonymous)'} ${owner}:${frame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + us);
}
const table = (map) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms\n\nself time by owner:\n${table(owners)}\n\ntop functions (self):\n${table(functions)}\n`);
