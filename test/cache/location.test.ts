/**
 * README "Architecture" / cache: where the cache folder goes, checked with
 * the compiled CLI in real folders (issue 20: run outside a project, it
 * appeared as node_modules/.cache/commonplace wherever the user stood).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../src/cache/index.js';
import { BIN, ensureCompiled, ROOT } from '../reliability/cli.js';

const GOOD = path.join(ROOT, 'test', 'fixtures', 'lint', 'good');

function lintIn(cwd: string, env: NodeJS.ProcessEnv): number | null {
  return spawnSync(process.execPath, [BIN, 'lint', '--library', 'library'], { cwd, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }).status;
}

beforeAll(() => ensureCompiled());

describe('the cache folder', () => {
  it('should be the user cache folder ($XDG_CACHE_HOME/commonplace/<project hash>) outside any project, leaving the working folder clean', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-cache-loc-'));
    const work = path.join(dir, 'work');
    cpSync(GOOD, path.join(work, 'library'), { recursive: true });
    expect(lintIn(work, { HOME: path.join(dir, 'home'), XDG_CACHE_HOME: path.join(dir, 'xdg') })).toBe(0);
    expect(readdirSync(work)).toEqual(['library']);
    const [project, ...others] = readdirSync(path.join(dir, 'xdg', 'commonplace'));
    expect(project).toMatch(/^[0-9a-f]{16}$/);
    expect(others).toEqual([]);
    expect(readdirSync(path.join(dir, 'xdg', 'commonplace', project ?? '')).length).toBeGreaterThan(0);
  });

  it('should be ~/.cache/commonplace without XDG_CACHE_HOME (Linux)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-cache-loc-'));
    const work = path.join(dir, 'work');
    cpSync(GOOD, path.join(work, 'library'), { recursive: true });
    expect(lintIn(work, { HOME: path.join(dir, 'home') })).toBe(0);
    expect(existsSync(path.join(dir, 'home', '.cache', 'commonplace'))).toBe(true);
    expect(readdirSync(work)).toEqual(['library']);
  });

  it('should be the nearest project\'s node_modules/.cache/commonplace, found from a sub-folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-cache-loc-'));
    writeFileSync(path.join(dir, 'package.json'), '{}\n');
    const work = path.join(dir, 'docs', 'notes');
    mkdirSync(work, { recursive: true });
    cpSync(GOOD, path.join(work, 'library'), { recursive: true });
    expect(lintIn(work, { HOME: path.join(dir, 'home'), XDG_CACHE_HOME: path.join(dir, 'xdg') })).toBe(0);
    expect(readdirSync(path.join(dir, 'node_modules', '.cache', 'commonplace')).length).toBeGreaterThan(0);
    expect(existsSync(path.join(dir, 'xdg'))).toBe(false);
    expect(defaultCacheDir(work)).toBe(path.join(dir, 'node_modules', '.cache', 'commonplace'));
  });
});
