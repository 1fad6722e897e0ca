/** `commonplace concepts` end to end on the fixture libraries and copies of the bundled one. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/link/glossary.js';
import { runCommand } from '../link/run-command.js';
import { inTerminal } from './terminal.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const concepts = (...argv: string[]) => runCommand(['concepts', ...argv], ROOT);

describe('commonplace concepts', () => {
  it('should list concepts, most mentioned first, with their notes', async () => {
    const { code, stdout, stderr } = await concepts('--library', 'test/fixtures/link/library');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'Single-threaded leader (single-threaded-leader)',
      '  6 mentions in 3 notes: conways-law, product-market-fit, single-threaded-model',
      '  aliases: single-threaded owner',
    ]);
    expect(stdout).toContain('Technical debt (technical-debt)\n  1 mention in 1 note: product-market-fit\n');
  });

  it('should print JSON sorted by id', async () => {
    const { stdout } = await concepts('--json', '--library', 'test/fixtures/link/library');
    const list = JSON.parse(stdout) as { id: string; mentionCount: number; notes: string[] }[];
    expect(list.map((c) => c.id)).toEqual(['conways-law', 'market', 'product-market-fit', 'single-threaded-leader', 'technical-debt']);
    expect(list[0]).toMatchObject({ id: 'conways-law', name: "Conway's law", mentionCount: 4, notes: ['conways-law', 'single-threaded-model'] });
  });

  it('should print glossary errors with file, line and column and exit 1', async () => {
    const { code, stderr } = await concepts('--library', 'test/fixtures/link/glossary-errors');
    expect(code).toBe(1);
    expect(stderr).toContain('concepts.yml:8:9  error  Unexpected duplicate concept "Conway’s Laws"');
  });

  it('should suggest recurring phrases that are not in the glossary', async () => {
    const { code, stdout } = await concepts('--suggest', '--json', '--library', 'test/fixtures/link/library');
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { phrase: string; score: number; notes: string[] }[];
    const phrases = found.map((s) => s.phrase.toLowerCase());
    expect(phrases).toContain('communication structure');
    // glossary names and note titles are never suggested
    expect(phrases).not.toContain('single-threaded leader');
    expect(phrases).not.toContain('product-market fit');
    for (const s of found) {
      expect(s.notes.length).toBeGreaterThanOrEqual(2);
      expect(s.phrase).toMatch(/\s/);
    }
    expect(found.map((s) => s.score)).toEqual([...found.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('should exit 2 for --limit without --suggest', async () => {
    const { code, stderr } = await concepts('--limit', '3', '--library', 'test/fixtures/link/library');
    expect(code).toBe(2);
    expect(stderr).toContain('--limit goes with --suggest');
  });

  it('should show each suggestion with its notes and sentences, variants as aliases, and honour --limit', async () => {
    const { code, stdout } = await concepts('--suggest', '--limit', '1', '--library', 'test/fixtures/link/library');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  1. communication structure  score 2.4443\n' +
        '     in 2 notes: conways-law, single-threaded-model\n' +
        "     “Conway's 1968 paper states what became known as Conway’s law: a system's design copies the communication structure of the organisation that built it.” (conways-law)\n",
    );
    expect(stdout).not.toContain('  2. ');
  });

  it('should give scores and evidence in JSON, aliases marked with their concept, names apart', async () => {
    const { stdout } = await concepts('--suggest', '--json', '--limit', '40', '--library', 'library');
    const found = JSON.parse(stdout) as { phrase: string; kind: string; aliasOf?: string; cValue: number; evidence: { note: string; sentence: string }[] }[];
    expect(found.find((s) => s.phrase === 'single-threaded leader model')).toMatchObject({ kind: 'alias', aliasOf: 'single-threaded leader', relation: 'longer' });
    expect(found.find((s) => s.phrase === 'Y Combinator')).toMatchObject({ kind: 'name' });
    const team = found.find((s) => s.phrase === 'feature team')!;
    expect(team.kind).toBe('concept');
    expect(team.cValue).toBeGreaterThan(0);
    expect(team.evidence).toHaveLength(2);
    for (const e of team.evidence) expect(e.sentence.toLowerCase()).toContain('feature team');
    const phrases = found.map((s) => s.phrase.toLowerCase());
    for (const junk of ['important initiative', 'young company', 'whole company']) expect(phrases).not.toContain(junk);
  });

  it('should refuse --write without a terminal and say how to use --accept', async () => {
    const { code, stderr } = await concepts('--suggest', '--write', '--library', 'library');
    expect(code).toBe(2);
    expect(stderr).toContain('--write needs a terminal');
    expect(stderr).toContain('commonplace concepts --suggest --accept "PHRASE" --as-alias-of "CONCEPT"');
  });

  it('should exit 2 for --accept without --definition or --as-alias-of', async () => {
    const { code, stderr } = await concepts('--suggest', '--accept', 'feature team', '--library', 'library');
    expect(code).toBe(2);
    expect(stderr).toContain('--accept needs either --definition TEXT');
  });
});

describe('commonplace concepts --suggest --accept / --write', () => {
  let dir: string;
  let glossary: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cp-concepts-'));
    cpSync(path.join(ROOT, 'library'), path.join(dir, 'library'), { recursive: true });
    glossary = path.join(dir, 'library', 'concepts.yml');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const inDir = (...argv: string[]) => runCommand(['concepts', ...argv], dir);

  it('should append an accepted concept and an alias, keep the rest byte for byte, and stop suggesting them', async () => {
    const before = readFileSync(glossary, 'utf8');
    const added = await inDir('--suggest', '--accept', 'feature team', '--definition', 'A team that ships the features it is handed, judged by output.');
    expect(added).toEqual({ code: 0, stdout: 'Added the concept "feature team" to concepts.yml\n', stderr: '' });
    const aliased = await inDir('--suggest', '--accept', 'single-threaded leader model', '--as-alias-of', 'single-threaded leader');
    expect(aliased.stdout).toBe('Added "single-threaded leader model" as an alias of "single-threaded leader" in concepts.yml\n');
    const after = readFileSync(glossary, 'utf8');
    expect(after).toBe(
      `${before.replace('aliases: [single-threaded owner]', 'aliases: [single-threaded owner, single-threaded leader model]')}\n` +
        '- name: feature team\n  definition: A team that ships the features it is handed, judged by output.\n',
    );
    expect(parseGlossary(after).diagnostics).toEqual([]);
    const lint = await runCommand(['lint', '--library', 'library'], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/concepts\.yml/u);
    const phrases = (JSON.parse((await inDir('--suggest', '--json', '--limit', '50')).stdout) as { phrase: string }[]).map((s) => s.phrase);
    expect(phrases).not.toContain('feature team');
    expect(phrases).not.toContain('single-threaded leader model');
  });

  it('should refuse what would break the glossary or collide with a note title, and leave the file untouched', async () => {
    const before = readFileSync(glossary, 'utf8');
    const duplicate = await inDir('--suggest', '--accept', "Conway's laws", '--definition', 'Again.');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('duplicate concept');
    const title = await inDir('--suggest', '--accept', 'No Silver Bullet', '--as-alias-of', 'essential complexity');
    expect(title.code).toBe(1);
    expect(title.stderr).toContain('is the title or alias of the note no-silver-bullet');
    const unknown = await inDir('--suggest', '--accept', 'feature team', '--as-alias-of', 'no such concept');
    expect(unknown).toMatchObject({ code: 1, stderr: 'commonplace concepts: no concept "no such concept" in concepts.yml\n' });
    expect(readFileSync(glossary, 'utf8')).toBe(before);
  });

  it('should say in one line, exit 2, when concepts.yml cannot be read', async () => {
    rmSync(glossary);
    mkdirSync(glossary);
    const result = await inDir('--suggest', '--accept', 'feature team', '--definition', 'A team.');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^commonplace concepts: cannot read .*concepts\.yml: EISDIR/mu);
    expect(result.stderr).not.toMatch(/^\s+at /mu);
  });

  it('should walk the suggestions on a terminal and write what was accepted', async () => {
    if (!existsSync(path.join(ROOT, 'lib/cli/concepts.js'))) throw new Error('compile first: npm run compile (the terminal test runs bin/commonplace.js)');
    const before = readFileSync(glossary, 'utf8');
    // 1: boring technology → accept as a new concept (first option), type a definition; 2: feature team → skip (third); 3: stop (fourth).
    const result = await inTerminal('concepts --suggest --write --limit 5', dir, [
      ['1/5', '\r'],
      ['Definition of', 'Technology chosen because its failure modes are known.\r'],
      ['2/5', '\x1b[B\x1b[B\r'],
      ['3/5', '\x1b[B\x1b[B\x1b[B\r'],
    ], 200);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added the concept "boring technology" to concepts.yml');
    expect(readFileSync(glossary, 'utf8')).toBe(`${before}\n- name: boring technology\n  definition: Technology chosen because its failure modes are known.\n`);
  }, 60_000);

  it('should write nothing when the walk is cancelled after an accept', async () => {
    if (!existsSync(path.join(ROOT, 'lib/cli/concepts.js'))) throw new Error('compile first: npm run compile (the terminal test runs bin/commonplace.js)');
    const before = readFileSync(glossary, 'utf8');
    const result = await inTerminal('concepts --suggest --write --limit 5', dir, [
      ['1/5', '\r'],
      ['Definition of', 'Technology chosen because its failure modes are known.\r'],
      ['2/5', '\x03'],
    ], 200);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('cancelled; nothing written');
    expect(readFileSync(glossary, 'utf8')).toBe(before);
  }, 60_000);
});

