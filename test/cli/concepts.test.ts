/** `commonplace concepts` end to end on the fixture libraries. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../link/run-command.js';

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
});
