import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build, lint } from '../../src/api.js';
import { inProcess, inTerminal } from './terminal.js';
import { ensureCompiled } from '../reliability/cli.js';




/** Every file under `dir` (links not followed) with its bytes, for before/after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.relative(dir, file)] = readFileSync(file, 'utf8');
  }
  return files;
}

let dir: string;
beforeAll(() => ensureCompiled());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cp-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('commonplace init', () => {
  it('should write a project that lints clean and builds, with the title given', async () => {
    const result = await inProcess(['init', '--title', 'Reading group', '--editor', 'Ada'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n\n')[0]!.split('\n')).toEqual([
      'Created commonplace.config.json',
      'Created library/how-do-committees-invent.md',
      'Created library/concepts.yml',
      'Created templates/essay.md',
      'Created .gitignore',
      'Skipped package.json (none here: no npm scripts added)',
    ]);
    expect(result.stdout).toContain('npx commonplace build');
    const config = JSON.parse(readFileSync(path.join(dir, 'commonplace.config.json'), 'utf8')) as { handbook: Record<string, string> };
    expect(config.handbook).toEqual({ title: 'Reading group', subtitle: 'A handbook of essays worth sharing', editor: 'Ada' });
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['/dist/', 'node_modules/']));
    expect(readFileSync(path.join(dir, 'templates', 'essay.md'), 'utf8')).toBe(readFileSync('templates/essay.md', 'utf8'));

    const report = await lint({ cwd: dir, cache: false });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const built = await build({ cwd: dir, cache: false });
    expect(built.status).toBe('built');
    expect(readFileSync(path.join(dir, 'dist', 'handbook.md'), 'utf8')).toMatch(/^# .*Reading group$/m);
  });

  it('should change nothing on a second run and say what it left alone', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "notes" }\n');
    expect((await inProcess(['init', '--ci', 'github'], dir)).code).toBe(0);
    const before = snapshot(dir);
    const again = await inProcess(['init', '--ci', 'github', '--title', 'Another'], dir);
    expect(again.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const lines = again.stdout.split('\n\n')[0]!.split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).toMatch(/^Left alone /);
  });

  it("should add only the scripts package.json lacks, keep the user's own, its indentation and other keys", async () => {
    const pkg = { name: 'notes', scripts: { build: 'eleventy', test: 'vitest' }, devDependencies: { commonplace: '^0.1.0' } };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 4)}\n`);
    const result = await inProcess(['init'], dir);
    expect(result.stdout).toContain('Updated package.json (added scripts "new", "lint"; kept your own "build"');
    const text = readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, new: 'commonplace new', lint: 'commonplace lint' } }, null, 4)}\n`);
    // Next steps: npm scripts where they run Commonplace, npx where the user's own script has the name.
    expect(result.stdout).toContain('  npm run lint\n  npx commonplace build\n');
    expect(result.stdout).not.toContain('npm install --save-dev commonplace');
  });

  it('should leave an invalid package.json as it is', async () => {
    writeFileSync(path.join(dir, 'package.json'), '{ "name": ');
    const result = await inProcess(['init'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Left alone package.json (not valid JSON: no npm scripts added)');
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{ "name": ');
  });

  it("should append only the missing lines to an existing .gitignore, keeping its bytes and line endings", async () => {
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules\r\n*.log');
    await inProcess(['init'], dir);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules\r\n*.log\r\n/dist/\r\n');
  });

  it('should not add the example to a library that already has notes, and use the configured folders', async () => {
    writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: 'notes', out: 'site' }));
    mkdirSync(path.join(dir, 'notes', 'old'), { recursive: true });
    writeFileSync(path.join(dir, 'notes', 'old', 'mine.md'), '# mine\n');
    const result = await inProcess(['init'], dir);
    expect(result.stdout).toContain('Left alone commonplace.config.json (already there)');
    expect(result.stdout).toContain('Left alone notes/how-do-committees-invent.md (not added: notes/ already has notes)');
    expect(result.stdout).toContain('Created notes/concepts.yml');
    expect(readdirSync(path.join(dir, 'notes')).sort()).toEqual(['concepts.yml', 'old']);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('/site/\n');
  });

  it('should never write through a planted symlink', async () => {
    const target = path.join(dir, 'elsewhere.json');
    symlinkSync(target, path.join(dir, 'commonplace.config.json'));
    mkdirSync(path.join(dir, 'templates'));
    symlinkSync(target, path.join(dir, 'templates', 'essay.md'));
    const result = await inProcess(['init'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Left alone templates/essay.md (already there)');
    expect(existsSync(target)).toBe(false);
    expect(lstatSync(path.join(dir, 'templates', 'essay.md')).isSymbolicLink()).toBe(true);
  });

  it('should create DIR when it does not exist, and write the workflow with --ci github', async () => {
    const result = await inProcess(['init', 'handbook', '--ci', 'github', '--yes'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  cd handbook\n');
    const workflow = parse(readFileSync(path.join(dir, 'handbook', '.github', 'workflows', 'commonplace.yml'), 'utf8')) as { jobs: { handbook: { steps: { run?: string }[] } } };
    expect(workflow.jobs.handbook.steps.map((s) => s.run).filter(Boolean)).toContain('npx commonplace lint --format github');
  });

  it('should exit 2 on a usage error and write nothing', async () => {
    for (const args of [['init', '--ci', 'gitlab'], ['init', 'a', 'b'], ['init', '--colour']]) {
      const result = await inProcess(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^commonplace init: /);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("should make `new` use the project's own template", async () => {
    await inProcess(['init'], dir);
    const template = path.join(dir, 'templates', 'essay.md');
    writeFileSync(template, readFileSync(template, 'utf8').replace('## Critique', 'Our house rule: quote one sentence.\n\n## Critique'));
    const result = await inProcess(['new', '--title', 'No Silver Bullet', '--author', 'Frederick P. Brooks', '--year', '1986', '--source', 'https://example.org/nsb'], dir);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'library', 'no-silver-bullet.md'), 'utf8')).toContain('Our house rule: quote one sentence.');
  });

  it('should ask for the title, subtitle, editor and workflow on a terminal', async () => {
    const result = await inTerminal('init', dir, [
      ['Handbook title', 'Reading group\r'],
      ['Subtitle', '\r'],
      ['Editor', 'Ada\r'],
      ['GitHub Actions', 'y'],
    ]);
    expect(result.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, 'commonplace.config.json'), 'utf8')) as { handbook: Record<string, string> };
    expect(config.handbook).toEqual({ title: 'Reading group', subtitle: 'A handbook of essays worth sharing', editor: 'Ada' });
    expect(existsSync(path.join(dir, '.github', 'workflows', 'commonplace.yml'))).toBe(true);
  });

  it('should write nothing when the terminal prompt is cancelled', async () => {
    const result = await inTerminal('init', dir, [['Handbook title', '\x03']]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('cancelled; nothing written');
    expect(readdirSync(dir)).toEqual([]);
  });
});
