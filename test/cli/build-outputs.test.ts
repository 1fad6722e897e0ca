import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashConfig } from '../../src/cache/index.js';
import { defaultConfig, OUTPUT_NAMES, resolveConfig, selectOutputs } from '../../src/config.js';
import { BIN, ensureCompiled, ROOT } from '../reliability/cli.js';

const GOOD = path.join(ROOT, 'library');
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-outputs-'));
  temps.push(dir);
  return dir;
}

function build(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, 'build', '--no-cache', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => ensureCompiled(), 120_000);
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('config "outputs"', () => {
  it('should default to every output but pdf', () => {
    expect([...selectOutputs(resolveConfig({}).outputs, 'outputs')]).toEqual(['markdown', 'html', 'index', 'epub', 'bibtex', 'csl', 'site']);
  });

  it('should expand "all" to every output, pdf included', () => {
    expect([...selectOutputs(['all'], 'outputs')]).toEqual([...OUTPUT_NAMES]);
    expect(resolveConfig({ outputs: ['epub', 'csl'] }).outputs).toEqual(['epub', 'csl']);
  });

  it('should leave the note cache valid when only the outputs change (the build fingerprint has them)', () => {
    expect(hashConfig({ ...defaultConfig, outputs: ['pdf'] })).toBe(hashConfig(defaultConfig));
    expect(hashConfig({ ...defaultConfig, out: 'elsewhere' })).not.toBe(hashConfig(defaultConfig));
  });

  it('should reject an unknown name with the closest known one, a non-list and an empty list', () => {
    expect(() => resolveConfig({ outputs: ['markdown', 'epbu'] })).toThrow('commonplace.config.json: outputs: unknown output "epbu"; did you mean "epub"?');
    expect(() => resolveConfig({ outputs: 'epub' })).toThrow('commonplace.config.json: outputs: expected a list of strings');
    expect(() => resolveConfig({ outputs: [] })).toThrow('commonplace.config.json: outputs: expected at least one of markdown, html, index, epub, pdf, bibtex, csl, site, all');
  });
});

describe('commonplace build --outputs', () => {
  it('should write only the chosen outputs, overriding config "outputs"', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'commonplace.config.json'), JSON.stringify({ outputs: ['html'] }));
    const { code, stdout } = build(cwd, ['--library', GOOD, '--out', 'out', '--outputs', 'markdown,index']);
    expect(code).toBe(0);
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['handbook.md', 'index.json', 'index.schema.json']);
    expect(stdout).toMatch(/→ 3 files in out/);
  });

  it('should follow config "outputs" without the flag', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'commonplace.config.json'), JSON.stringify({ outputs: ['html'] }));
    mkdirSync(path.join(cwd, 'library'));
    expect(build(cwd, []).code).toBe(0);
    expect(readdirSync(path.join(cwd, 'dist'))).toEqual(['handbook.html']);
  });

  it('should write the other outputs, then exit 2 with one line naming how to install Chromium, when there is none for the PDF', () => {
    const cwd = tempDir();
    const { code, stdout, stderr } = build(cwd, ['--library', GOOD, '--out', 'out', '--outputs', 'markdown,pdf'], { COMMONPLACE_CHROMIUM: path.join(cwd, 'no-chromium') });
    expect(code).toBe(2);
    expect(stderr).toBe('commonplace build: handbook.pdf not written: Chromium was not found; install it (Debian/Ubuntu: apt-get install chromium) or set COMMONPLACE_CHROMIUM to a Chromium or Chrome binary\n');
    expect(stdout).toMatch(/→ 1 file in out/);
    expect(readdirSync(path.join(cwd, 'out'))).toEqual(['handbook.md']);
  });

  it('should exit 2 for an unknown name, suggesting the closest, and write nothing', () => {
    const cwd = tempDir();
    const { code, stderr } = build(cwd, ['--library', GOOD, '--out', 'out', '--outputs', 'markdown,epbu']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--outputs: unknown output "epbu"; did you mean "epub"\?\n/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
