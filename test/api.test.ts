import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../src/api.js';
import { build, ConfigError, lint, loadLibrary } from '../src/api.js';
import type { CommandIO } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

/** Runs `commonplace` in this process with captured output and no terminal. */
async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        append(chunk.toString());
        done();
      },
    });
  const io: CommandIO = { cwd, env: {}, stdout: sink((s) => (stdout += s)), stderr: sink(() => undefined), stdin: new PassThrough() };
  return { code: await main(args, io), stdout };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cp-api-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A project in `dir` whose library is a copy of a lint fixture. */
function project(fixture: 'good' | 'bad'): string {
  cpSync(path.join('test', 'fixtures', 'lint', fixture), path.join(dir, 'library'), { recursive: true });
  return dir;
}

describe('the API', () => {
  it('should export lint, build, loadLibrary and ConfigError, and nothing else at run time', () => {
    expect(Object.keys(api).sort()).toEqual(['ConfigError', 'build', 'lint', 'loadLibrary']);
  });

  it('should report the same findings as `lint --format json`, without printing', async () => {
    const cwd = project('bad');
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const report = await lint({ cwd, cache: false });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    vi.restoreAllMocks();

    const { code, stdout } = await cli(['lint', '--format', 'json', '--no-cache'], cwd);
    expect(code).toBe(1);
    const eslint = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; message: string }[] }[];
    const fromCli = eslint.flatMap((r) => r.messages.map((m) => [r.filePath, m.line, m.column, m.ruleId, m.severity === 2 ? 'error' : 'warning', m.message]));
    // The JSON format leaves out info-level suggestions (ESLint has no such level); paths there are the user's, here the library's.
    const fromApi = report.diagnostics.filter((d) => d.severity !== 'info').map((d) => [`library/${d.file}`, d.line, d.column, d.ruleId, d.severity, d.message]);
    expect(fromApi).toEqual(fromCli);
    expect(fromApi.length).toBeGreaterThan(20);
    expect(report.errorCount).toBe(fromCli.filter((m) => m[4] === 'error').length);
    // The JSON format lists every note, and also files with findings that are not notes (concepts.yml).
    const listed = [...new Set([...report.files, ...report.diagnostics.map((d) => d.file)])].sort();
    expect(listed).toEqual(eslint.map((r) => r.filePath.replace(/^library\//, '')).sort());
  });

  it('should report only on the files asked for, relative to cwd', async () => {
    const cwd = project('bad');
    const report = await lint({ cwd, files: ['library/placeholder.md'], cache: false });
    expect(report.files).toEqual(['placeholder.md']);
    expect(new Set(report.diagnostics.map((d) => d.file))).toEqual(new Set(['placeholder.md']));
    await expect(lint({ cwd, files: ['package.json'] })).rejects.toThrow(/package.json is outside the library \(library\)/);
  });

  it('should write the safe fixes with fix: true and report what is left', async () => {
    const cwd = project('bad');
    const before = await lint({ cwd, files: ['library/heading-spelling.md'], cache: false });
    expect(before.diagnostics.map((d) => d.ruleId)).toContain('section-heading-spelling');
    const after = await lint({ cwd, files: ['library/heading-spelling.md'], fix: true, cache: false });
    expect(after.fixedFiles).toBe(1);
    expect(after.diagnostics.map((d) => d.ruleId)).not.toContain('section-heading-spelling');
  });

  it('should throw ConfigError, not exit, for a missing library or an invalid config', async () => {
    await expect(lint({ cwd: dir })).rejects.toThrow(ConfigError);
    writeFileSync(path.join(dir, 'commonplace.config.json'), '{ "libary": "notes" }');
    await expect(build({ cwd: dir })).rejects.toThrow(/unknown key "libary"/);
    await expect(loadLibrary({ cwd: dir })).rejects.toBeInstanceOf(ConfigError);
  });

  it('should write the same bytes as `commonplace build`, then find nothing to do', async () => {
    const cwd = project('good');
    expect((await cli(['build', '--no-cache', '--out', 'cli-dist'], cwd)).code).toBe(0);
    const report = await build({ cwd, out: 'api-dist' });
    expect(report.status).toBe('built');
    const top = report.written.filter((f) => path.dirname(f) === path.join(cwd, 'api-dist'));
    expect(top.map((f) => path.basename(f))).toEqual(['handbook.epub', 'handbook.html', 'handbook.md', 'index.json', 'index.schema.json', 'references.bib', 'references.json']);
    expect(report.written).toContain(path.join(cwd, 'api-dist', 'site', 'index.html'));
    for (const name of readdirSync(path.join(cwd, 'cli-dist'), { recursive: true, encoding: 'utf8' }).filter((name) => statSync(path.join(cwd, 'cli-dist', name)).isFile())) {
      expect(readFileSync(path.join(cwd, 'api-dist', name)).equals(readFileSync(path.join(cwd, 'cli-dist', name))), name).toBe(true);
    }
    const index = JSON.parse(readFileSync(path.join(cwd, 'api-dist', 'index.json'), 'utf8')) as { notes: unknown[] };
    expect(report.notes).toBe(index.notes.length);
    const again = await build({ cwd, out: 'api-dist' });
    expect(again).toMatchObject({ status: 'up-to-date', written: [] });
  });

  it('should write nothing when lint finds errors', async () => {
    const cwd = project('bad');
    const report = await build({ cwd, cache: false });
    expect(report.status).toBe('lint-errors');
    expect(report.errorCount).toBeGreaterThan(0);
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false);
  });

  it('should load the linked library the index is made from, writing nothing', async () => {
    const cwd = project('good');
    const loaded = await loadLibrary({ cwd });
    expect(loaded.library).not.toBeNull();
    expect(readdirSync(cwd)).toEqual(['library']);
    await build({ cwd, cache: false });
    const index = JSON.parse(readFileSync(path.join(cwd, 'dist', 'index.json'), 'utf8')) as { notes: { id: string; related: { id: string }[] }[] };
    expect(loaded.library!.notes.map((n) => n.note.id)).toEqual(index.notes.map((n) => n.id));
    expect(loaded.library!.notes.map((n) => n.related.map((r) => r.id))).toEqual(index.notes.map((n) => n.related.map((r) => r.id)));
    const bad = await loadLibrary({ cwd: (rmSync(path.join(dir, 'library'), { recursive: true }), project('bad')) });
    expect(bad.library).toBeNull();
    expect(bad.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
