/**
 * The package as a user gets it: `npm pack`, then `npm install <tarball>`
 * into an empty folder outside this repository, and the whole flow there
 * through the installed binary and the npm scripts `init` writes: init →
 * new → lint → build, the workflow's own commands, the pre-commit hook, the
 * API and its types. Nothing of this repository is in that folder but the
 * tarball's contents (installed by npm).
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, ROOT } from '../reliability/cli.js';

/** A hang guard for installing from the registry (cache first) and running each command: not a speed claim. */
const HANG_GUARD_MS = 600_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * npm's own variables from an outer `npm test` describe this repository (its
 * package.json, its folder); the nested npm must see only the temporary
 * project, so those are dropped. Registry, cache and proxy settings stay.
 */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$)/i.test(key)),
);

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, timeout: HANG_GUARD_MS, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Fails with the command's output when it did not exit as expected. */
function expectExit(result: Run, code: number, what: string): void {
  if (result.code !== code) throw new Error(`${what}: exit ${result.code}, expected ${code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
}

const sentence =
  'The author argues from long experience that the shape of a team decides the shape of what it builds, and gives several worked examples from real projects to support that claim.';

let packDir: string;
let project: string;
let tarball: string;
let packedFiles: string[];

beforeAll(async () => {
  ensureCompiled(); // lib/ with its declarations: the tarball carries the compiled code
  packDir = mkdtempSync(path.join(tmpdir(), 'commonplace-pack-'));
  project = mkdtempSync(path.join(tmpdir(), 'commonplace-user-'));
  // --ignore-scripts: prepack recompiles from an empty lib/, which would pull lib/ from under other test files running now.
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT);
  expectExit(packed, 0, 'npm pack');
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(packDir, info.filename);
  packedFiles = info.files.map((f) => f.path);
  expectExit(await run('npm', ['init', '-y'], project), 0, 'npm init -y');
  expectExit(await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project), 0, 'npm install <tarball>');
}, HANG_GUARD_MS);

afterAll(() => {
  for (const dir of [packDir, project]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('should carry the compiled CLI, its types, the templates and the starter, and no tests, sources or library', () => {
    for (const file of ['bin/commonplace.js', 'lib/cli/main.js', 'lib/api.js', 'lib/api.d.ts', 'templates/essay.md', 'templates/handbook.html', 'starter/library/concepts.yml', 'starter/ci/github.yml', 'starter/ci/pre-commit']) {
      expect(packedFiles, file).toContain(file);
    }
    const unwanted = packedFiles.filter((f) => /^(src|test|library|scripts)\//.test(f) || f.endsWith('.map') || f.endsWith('.tsbuildinfo'));
    expect(unwanted).toEqual([]);
  });

  it('should install into an empty folder and run with no build step', async () => {
    const version = await run('npx', ['--no-install', 'commonplace', '--version'], project);
    expectExit(version, 0, 'commonplace --version');
    const ours = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(ours.version);
    // Only npm's own files and what the tarball installed: nothing of this repository.
    expect(existsSync(path.join(project, 'node_modules', 'commonplace', 'src'))).toBe(false);
  }, HANG_GUARD_MS);
});

describe('init → new → lint → build in the installed project', () => {
  it('should set up a project whose library lints clean and builds a valid index', async () => {
    const init = await run('npx', ['--no-install', 'commonplace', 'init', '--title', 'Team handbook', '--ci', 'github'], project);
    expectExit(init, 0, 'init');
    expect(init.stdout).toContain('Created library/how-do-committees-invent.md');
    const pkg = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toMatchObject({ new: 'commonplace new', lint: 'commonplace lint', build: 'commonplace build' });

    const created = await run('npm', ['run', '-s', 'new', '--', '--title', 'No Silver Bullet', '--author', 'Frederick P. Brooks', '--year', '1986', '--source', 'https://example.org/no-silver-bullet'], project);
    expectExit(created, 0, 'npm run new');
    expect(created.stdout.trim()).toBe(path.join('library', 'no-silver-bullet.md'));
    const note = path.join(project, 'library', 'no-silver-bullet.md');
    // The user's template came from init: the new note carries its prompts, which lint reports.
    const unfinished = await run('npm', ['run', '-s', 'lint'], project);
    expectExit(unfinished, 1, 'lint with the prompts still in');
    expect(unfinished.stdout).toContain('placeholder');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^TODO:.*$/gm, sentence));

    expectExit(await run('npm', ['run', '-s', 'lint'], project), 0, 'npm run lint');
    const built = await run('npm', ['run', '-s', 'build'], project);
    expectExit(built, 0, 'npm run build');
    expect(built.stdout).toMatch(/Built 2 notes, 5 concepts/);
    const dist = path.join(project, 'dist');
    for (const name of ['handbook.md', 'handbook.html', 'index.json', 'index.schema.json']) expect(existsSync(path.join(dist, name)), name).toBe(true);
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, formats: { 'date-time': true } });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(dist, 'index.schema.json'), 'utf8')) as object);
    const index = JSON.parse(readFileSync(path.join(dist, 'index.json'), 'utf8')) as { notes: { id: string }[] };
    expect(validate(index), ajv.errorsText(validate.errors)).toBe(true);
    expect(index.notes.map((n) => n.id)).toEqual(['how-do-committees-invent', 'no-silver-bullet']);
    expect(readFileSync(path.join(dist, 'handbook.md'), 'utf8')).toContain('Team handbook');
  }, HANG_GUARD_MS);

  it("should pass the workflow's own commands (annotations, SARIF, build)", async () => {
    const workflow = parse(readFileSync(path.join(project, '.github', 'workflows', 'commonplace.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const commands = steps.map((s) => s.run).filter((r): r is string => r !== undefined && r.includes('commonplace'));
    expect(commands.length).toBe(3);
    // The cache is restored after `npm ci`, which empties node_modules where it lives.
    const order = steps.map((s) => s.run ?? s.uses ?? '');
    expect(order.findIndex((s) => s.startsWith('actions/cache'))).toBeGreaterThan(order.indexOf('npm ci'));
    for (const command of commands) expectExit(await run('bash', ['-e', '-c', command], project), 0, command);
    const sarif = JSON.parse(readFileSync(path.join(project, 'commonplace.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { name: string } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.name).toBe('commonplace');
  }, HANG_GUARD_MS);

  it('should refuse a commit of an unfinished note with the pre-commit hook, and let a finished one through', async () => {
    const git = (...args: string[]) => run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'core.hooksPath=.git/hooks', ...args], project);
    expectExit(await git('init', '-q'), 0, 'git init');
    const hook = path.join(project, '.git', 'hooks', 'pre-commit');
    copyFileSync(path.join(project, 'node_modules', 'commonplace', 'starter', 'ci', 'pre-commit'), hook);
    chmodSync(hook, 0o755);
    expectExit(await git('add', '.gitignore', 'package.json', 'commonplace.config.json', 'templates', 'library'), 0, 'git add');
    expectExit(await git('commit', '-q', '-m', 'notes'), 0, 'first commit');
    expectExit(await run('npx', ['--no-install', 'commonplace', 'new', '--title', 'The Mythical Man-Month', '--author', 'Frederick P. Brooks', '--year', '1975', '--source', 'https://example.org/mmm'], project), 0, 'new');
    const draft = path.join('library', 'the-mythical-man-month.md');
    expectExit(await git('add', draft), 0, 'git add draft');
    const refused = await git('commit', '-q', '-m', 'draft');
    expect(refused.code).not.toBe(0);
    const said = refused.stdout + refused.stderr; // git passes a hook's output on to its stderr
    expect(said).toContain('the-mythical-man-month.md');
    expect(said).toContain('placeholder');
    expect(said).not.toContain('no-silver-bullet.md'); // only the staged note is reported
    writeFileSync(path.join(project, draft), readFileSync(path.join(project, draft), 'utf8').replace(/^TODO:.*$/gm, sentence));
    expectExit(await git('add', draft), 0, 'git add finished');
    expectExit(await git('commit', '-q', '-m', 'finished'), 0, 'commit of the finished note');
  }, HANG_GUARD_MS);

  it('should give the same findings and outputs through the API, with types a TypeScript user can check', async () => {
    const script = [
      "import { build, lint, loadLibrary } from 'commonplace';",
      "const report = await lint({ files: ['library/no-silver-bullet.md'] });",
      "const built = await build({ out: 'api-dist', cache: false });",
      'const loaded = await loadLibrary();',
      'console.log(JSON.stringify({ files: report.files, errors: report.errorCount, status: built.status, written: built.written.filter((f) => !f.includes("/site/")).map((f) => f.split("/").pop()), notes: loaded.library.notes.map((n) => n.note.id) }));',
    ].join('\n');
    const api = await run('node', ['--input-type=module', '-e', script], project);
    expectExit(api, 0, 'the API');
    expect(JSON.parse(api.stdout)).toEqual({
      files: ['no-silver-bullet.md'],
      errors: 0,
      status: 'built',
      written: ['handbook.epub', 'handbook.html', 'handbook.md', 'index.json', 'index.schema.json', 'references.bib', 'references.json'],
      notes: ['how-do-committees-invent', 'no-silver-bullet', 'the-mythical-man-month'],
    });
    expectExit(await run('npx', ['--no-install', 'commonplace', 'build'], project), 0, 'build by the CLI');
    for (const name of ['handbook.md', 'handbook.html', 'index.json', 'index.schema.json']) {
      expect(readFileSync(path.join(project, 'api-dist', name)).equals(readFileSync(path.join(project, 'dist', name))), name).toBe(true);
    }

    // The README's example, as written there, on this project.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /## The API\n[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'commonplace'");
    const ran = await run('node', ['--input-type=module', '-e', example!.replaceAll('/path/to/notes', project)], project);
    expectExit(ran, 0, "the README's API example");
    expect(ran.stdout).toContain('up-to-date'); // the CLI build just above left nothing to do
    expect(ran.stdout).toContain('How Do Committees Invent?');

    writeFileSync(
      path.join(project, 'check.mts'),
      [
        "import { lint, type Diagnostic, type LintReport } from 'commonplace';",
        'const report: LintReport = await lint({ cwd: process.cwd() });',
        'const first: Diagnostic | undefined = report.diagnostics[0];',
        'const line: number | undefined = first?.line;',
        'export { line };',
        '// @ts-expect-error: lint takes options, not a string',
        "await lint('library');",
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['check.mts'] }),
    );
    expectExit(await run('npm', ['install', '--save-dev', '@types/node@20', '--prefer-offline', '--no-audit', '--no-fund'], project), 0, 'npm install @types/node');
    const tsc = await run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expectExit(tsc, 0, 'tsc on a file importing commonplace');
  }, HANG_GUARD_MS);
});
