/**
 * `commonplace lsp` in Neovim's built-in client (0.7, headless): a note
 * opened in a buffer receives lint's diagnostics, and completion after `[[`
 * offers the library's titles. Skipped, with a message, when `nvim` is not
 * installed (CI installs it: .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeProject, ROOT } from './client.js';
import { ensureCompiled } from '../reliability/cli.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('neovim.test.ts: nvim not found; skipping the Neovim client test (apt-get install neovim)');

beforeAll(() => {
  ensureCompiled(); // tsc only when src/ is newer than lib/ (npm test has just compiled)
}, 120_000);

describe.skipIf(!hasNvim)('lsp in Neovim', () => {
  const project = makeProject('test/fixtures/lsp');
  afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

  it('should show lint diagnostics on an opened note and complete [[ with titles', () => {
    const out = path.join(project.dir, 'nvim-result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test/lsp/nvim/diagnostics.lua')}`], {
      cwd: project.dir,
      env: { ...process.env, NOTE: path.join(project.library, 'missing-parts.md'), OUT: out, ROOT: project.dir, BIN },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { attached: boolean; diagnostics: { code: string; lnum: number; col: number; severity: number }[]; completion: string[] };
    expect(result.attached).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.lnum, d.col]).sort()).toEqual([
      ['section-heading-spelling', 9, 0],
      ['section-required', 13, 0],
      ['trailing-whitespace', 7, 106],
      ['wikilink-unresolved', 7, 59],
    ]);
    expect(result.completion[0]).toBe('How Committees Invent');
  });
});
