/**
 * Determinism through the real CLI: the bundled library built twice (cold
 * and from the cache), from a copy written in reverse file order, under
 * another time zone and locale, and with every note re-saved with CRLF, lone
 * CR and a BOM, gives byte-identical outputs (only the per-file byte hash in
 * index.json may follow the bytes). Equal titles and awkward tags come out
 * in code-point order with full tie-breakers.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, HOSTILE, ROOT, runCli, tempDir } from './cli.js';

const OUTPUTS = ['handbook.html', 'handbook.md', 'index.json', 'index.schema.json', 'references.bib', 'references.json'];
const UTC_EN = { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
const KIRITIMATI_SV = { TZ: 'Pacific/Kiritimati', LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' };

let scratch: string;

/** Copies the bundled library and config into a fresh project folder, files written in the given order. */
function project(name: string, order: 'sorted' | 'reversed', transform: (text: string) => string | Buffer = (t) => t): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'library'), { recursive: true });
  cpSync(path.join(ROOT, 'commonplace.config.json'), path.join(dir, 'commonplace.config.json'));
  const names = readdirSync(path.join(ROOT, 'library')).sort();
  if (order === 'reversed') names.reverse();
  for (const file of names) {
    const text = readFileSync(path.join(ROOT, 'library', file), 'utf8');
    writeFileSync(path.join(dir, 'library', file), file.endsWith('.md') ? transform(text) : text);
  }
  return dir;
}

async function build(dir: string, env: NodeJS.ProcessEnv, cache = false): Promise<Record<string, string>> {
  const result = await runCli(['build', ...(cache ? [] : ['--no-cache'])], { cwd: dir, env });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return Object.fromEntries(OUTPUTS.map((name) => [name, readFileSync(path.join(dir, 'dist', name), 'utf8')]));
}

/** index.json without the `hash` of each note's bytes (the one field that follows the bytes by design). */
const withoutHashes = (json: string): unknown =>
  JSON.parse(json, (key, value: unknown) => (key === 'hash' ? undefined : value));

beforeAll(() => {
  ensureCompiled();
  scratch = tempDir();
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('byte-identical outputs of the bundled library', () => {
  let reference: Record<string, string>;

  beforeAll(async () => {
    reference = await build(project('reference', 'sorted'), UTC_EN);
  }, 120_000);

  it('should give the same bytes when built again, cold and then from the cache', async () => {
    const dir = project('again', 'sorted');
    expect(await build(dir, UTC_EN, true)).toEqual(reference);
    expect(await build(dir, UTC_EN, true)).toEqual(reference);
  }, 120_000);

  it('should give the same bytes from a copy written in reverse order, in Pacific/Kiritimati under sv_SE', async () => {
    expect(await build(project('reversed', 'reversed'), KIRITIMATI_SV)).toEqual(reference);
    // The same library in en_US could differ from sv_SE only through locale-aware sorting ("Å" sorts
    // after "Z" in Swedish, next to "A" in English): the point of building in both.
  }, 120_000);

  it('should give the same outputs when every note uses CRLF, and when every note uses lone CR after a BOM', async () => {
    const variants = [
      ['crlf', (t: string) => t.replace(/\n/g, '\r\n')],
      ['cr-bom', (t: string) => `\uFEFF${t.replace(/\n/g, '\r')}`],
    ] as const;
    const built = await Promise.all(variants.map(([name, transform]) => build(project(name, 'sorted', transform), UTC_EN)));
    for (const [i, [name]] of variants.entries()) {
      const outputs = built[i]!;
      expect(outputs['handbook.md'], name).toBe(reference['handbook.md']);
      expect(outputs['handbook.html'], name).toBe(reference['handbook.html']);
      expect(outputs['index.schema.json'], name).toBe(reference['index.schema.json']);
      expect(withoutHashes(outputs['index.json']!), name).toEqual(withoutHashes(reference['index.json']!));
      expect(outputs['handbook.html']).not.toContain('\uFEFF');
      expect(outputs['index.json']).not.toContain('\\ufeff');
    }
  }, 120_000);

  it('should hold no absolute path, temp folder or timestamp', () => {
    for (const [name, text] of Object.entries(reference)) {
      expect(text, name).not.toContain(scratch);
      expect(text, name).not.toContain(ROOT);
      expect(text, name).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
    }
  });
});

describe('code-point order with tie-breakers', () => {
  const titles: [string, string][] = [
    ['b-same.md', 'Same title'],
    ['a-same.md', 'Same title'],
    ['c-same.md', 'Same title'],
    ['accent.md', '\u00c9quipe'],
    ['lower.md', 'equipe'],
    ['upper.md', 'Zeta'],
    ['alpha.md', 'alpha'],
  ];

  async function orderedBuild(name: string, order: 'sorted' | 'reversed', env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
    const dir = path.join(scratch, name);
    mkdirSync(path.join(dir, 'library'), { recursive: true });
    writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ rules: { 'duplicate-title': 'warning' } }));
    const base = readFileSync(path.join(HOSTILE, 'good', 'owning-teams.md'), 'utf8');
    const list = order === 'sorted' ? titles : [...titles].reverse();
    for (const [file, title] of list) {
      const text = base
        .replace('title: Outcome-owning squads', `title: ${title}`)
        .replace('https://example.com/owning-teams', `https://example.com/${file}`)
        .replace('tags: [teams, delivery]', 'tags: [b, A, a, \u00c5, "10", "9"]')
        .replace('aliases: [The squads essay]\n', '');
      writeFileSync(path.join(dir, 'library', file), text);
    }
    return build(dir, env);
  }

  it('should order equal and near-equal titles by code point, then id, whatever the locale or file order', async () => {
    const [forward, backward] = await Promise.all([
      orderedBuild('titles-forward', 'sorted', UTC_EN),
      orderedBuild('titles-backward', 'reversed', KIRITIMATI_SV),
    ]);
    expect(backward).toEqual(forward);
    const headings = [...forward['handbook.md']!.matchAll(/^### (.+)$/gm)].map((m) => m[1]!).filter((h) => titles.some(([, t]) => h.includes(t)));
    expect(headings.map((h) => h.replace(/^<a id="[^"]*"><\/a>\s*/, ''))).toEqual(['Same title', 'Same title', 'Same title', 'Zeta', 'alpha', 'equipe', '\u00c9quipe']);
    const index = JSON.parse(forward['index.json']!) as { notes: { id: string; tags: string[] }[] };
    expect(index.notes.map((n) => n.id)).toEqual(['a-same', 'accent', 'alpha', 'b-same', 'c-same', 'lower', 'upper']);
    for (const note of index.notes) expect(note.tags).toEqual(['10', '9', 'A', 'a', 'b', '\u00c5']);
    const sameIds = [...forward['handbook.md']!.matchAll(/<a id="note-([a-z-]+-same)">/g)].map((m) => m[1]);
    expect(sameIds).toEqual(['a-same', 'b-same', 'c-same']);
  }, 120_000);
});
