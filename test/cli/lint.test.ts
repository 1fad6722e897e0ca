/**
 * `commonplace lint` end to end: the real command on the fixture libraries
 * under test/fixtures/lint (in-process through `main`, and once through the
 * compiled bin), every output format, exit codes and `--fix`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/format/github.js';
import { formatStylish } from '../../src/cli/format/stylish.js';
import type { CommandIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { rules } from '../../src/check/rules/index.js';
import { ensureCompiled } from '../reliability/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fixtures/lint');
const GOOD = 'test/fixtures/lint/good';
const BAD = 'test/fixtures/lint/bad';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function lint(args: string[], options: { cwd?: string; tty?: boolean } = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void, tty: boolean) =>
    Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          append(String(chunk));
          done();
        },
      }),
      { isTTY: tty },
    );
  const io: CommandIO = {
    cwd: options.cwd ?? ROOT,
    env: {},
    stdout: sink((s) => (stdout += s), options.tty ?? false),
    stderr: sink((s) => (stderr += s), false),
    stdin: new PassThrough(),
  };
  const code = await main(['lint', ...args], io);
  return { code, stdout, stderr };
}

interface EslintResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
}

const json = async (args: string[], cwd?: string): Promise<EslintResult[]> =>
  JSON.parse((await lint([...args, '--format', 'json'], cwd ? { cwd } : {})).stdout) as EslintResult[];

/** What each broken file must get (errors and warnings; judged by reading each file). */
const EXPECTED_BAD: Record<string, string[]> = {
  'alias-bomb.md': ['frontmatter-alias@6'],
  'alias-title.md': [],
  'bad-yaml.md': ['frontmatter-yaml@4'],
  'binary.md': ['file-not-utf8@1'],
  'concepts.yml': ['concept-alias-title@3'],
  'duplicate-key.md': ['frontmatter-duplicate-key@5'],
  'duplicate-source-a.md': ['duplicate-source@5'],
  'duplicate-source-b.md': ['duplicate-source@5'],
  'duplicate-title-a.md': ['duplicate-title@2'],
  'duplicate-title-b.md': ['duplicate-title@2'],
  'empty.md': ['file-empty@1'],
  'field-type.md': ['field-type@4', 'field-type@6', 'field-type@7'],
  'heading-spelling.md': ['section-heading-spelling@10'],
  'js-frontmatter.md': ['frontmatter-language@1'],
  'key-order.md': ['frontmatter-key-order@3'],
  'missing-field.md': ['required-field@1'],
  'missing-section.md': ['section-required@14'],
  'no-frontmatter.md': ['frontmatter-missing@1'],
  'no-summary.md': ['summary-present@8'],
  'not-mapping.md': ['frontmatter-mapping@2'],
  'nul.md': ['file-nul-byte@8'],
  'one/twin.md': ['duplicate-id@1'],
  'placeholder.md': ['placeholder@16'], // one problem, not two (issue 20)
  'raw-html.md': ['raw-html@10'],
  'section-level.md': ['section-level@14'],
  'section-order.md': ['section-order@14'],
  'short-section.md': ['section-min-words@14'],
  'short-summary.md': ['summary-min-words@8'],
  'trailing-whitespace.md': ['trailing-whitespace@8'],
  'two/twin.md': ['duplicate-id@1'],
  'unknown-concept.md': ['unknown-concept@6'],
  'unknown-field.md': ['unknown-field@6'],
  'unlinked-mention.md': [],
  'unterminated.md': ['frontmatter-missing@1'],
  'wikilink.md': ['wikilink-unresolved@8'],
};

describe('commonplace lint', () => {
  it('should find nothing in the good library (BOM, CRLF and CR notes included) and exit 0', async () => {
    const result = await lint(['--library', GOOD]);
    expect(result).toEqual({ code: 0, stdout: '✔ No problems in 6 files\n', stderr: '' });
    const files = await json(['--library', GOOD]);
    expect(files.map((f) => f.filePath)).toEqual(
      ['bom-crlf-note.md', 'bom-note.md', 'cr-note.md', 'crlf-note.md', 'directives.md', 'owning-teams.md'].map((f) => `${GOOD}/${f}`),
    );
    expect(files.every((f) => f.messages.length === 0)).toBe(true);
    const sarif = JSON.parse((await lint(['--library', GOOD, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results).toEqual([]); // no suggestions either
  });

  it('should report each broken file with the right rule and line, exit 1, and run no code', async () => {
    const started = Date.now();
    const files = await json(['--library', BAD]);
    expect(Date.now() - started).toBeLessThan(20_000); // hostile files must not hang the run
    const found = Object.fromEntries(files.map((f) => [f.filePath.slice(BAD.length + 1), f.messages.map((m) => `${m.ruleId}@${m.line}`)]));
    expect(found).toEqual(EXPECTED_BAD);
    expect((await lint(['--library', BAD])).code).toBe(1);
    expect(existsSync(path.join(ROOT, 'PWNED-by-commonplace-fixture'))).toBe(false);
  });

  it('should give ESLint JSON counts and severities (2 error, 1 warning), nothing else on stdout', async () => {
    const { stdout } = await lint(['--library', BAD, '--format', 'json']);
    expect(stdout.endsWith(']\n')).toBe(true);
    const files = JSON.parse(stdout) as (EslintResult & Record<string, unknown>)[];
    for (const file of files) {
      // ESLint's key order; `source` only on a file with errors or warnings (a binary file has none to give).
      const withSource = file.messages.length > 0 && !file.filePath.endsWith('binary.md') && !file.filePath.endsWith('nul.md');
      expect(Object.keys(file), file.filePath).toEqual(
        ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', ...(withSource ? ['source'] : []), 'usedDeprecatedRules'],
      );
      expect(file.errorCount).toBe(file.messages.filter((m) => m.severity === 2).length);
      expect(file.warningCount).toBe(file.messages.filter((m) => m.severity === 1).length);
      for (const m of file.messages) {
        expect(Object.keys(m)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', ...('fix' in m ? ['fix'] : [])]);
      }
    }
    const keyOrder = files.find((f) => f.filePath.endsWith('key-order.md'))!;
    expect(keyOrder.messages[0]!.severity).toBe(1);
    expect((keyOrder as Record<string, unknown>).fixableWarningCount).toBe(1);
  });

  // README "Lint output": exactly ESLint's JSON shape (issue 20, item 8).
  it('should list findings switched off by inline comments as suppressedMessages, and give source with findings', async () => {
    const files = await json(['--library', GOOD]);
    const directives = files.find((f) => f.filePath.endsWith('directives.md')) as EslintResult & Record<string, unknown>;
    expect(directives.messages).toEqual([]);
    expect(directives.suppressedMessages).toHaveLength(2);
    expect(directives.suppressedMessages).toContainEqual(
      { ruleId: 'raw-html', severity: 1, message: expect.stringContaining('"<kbd>"') as unknown, line: 12, column: 1, endLine: 12, endColumn: 6, suppressions: [{ kind: 'directive', justification: '' }] },
    );
    expect('source' in directives).toBe(false);
    const [keyOrder] = (await json([`${BAD}/key-order.md`, '--library', BAD])) as (EslintResult & { source?: string; messages: { fix?: { range: [number, number]; text: string } }[] })[];
    expect(keyOrder?.source).toBe(readFileSync(path.join(BAD, 'key-order.md'), 'utf8'));
    const fix = keyOrder?.messages[0]?.fix;
    expect(fix && keyOrder.source!.slice(fix.range[0], fix.range[1]).split('\n').sort()).toEqual(fix?.text.split('\n').sort());
  });

  it('should print paths relative to the working directory', async () => {
    const files = await json(['--library', 'bad'], FIXTURES);
    expect(files[0]!.filePath).toBe('bad/alias-bomb.md');
  });

  it('should print stylish output grouped by file with a summary, coloured only on a TTY', async () => {
    const plain = await lint(['--library', BAD]);
    expect(plain.stdout).toContain(`\n${BAD}/key-order.md\n  3:1  warning  Unexpected front-matter key order`);
    expect(plain.stdout).toMatch(/ {2}frontmatter-key-order\n/);
    expect(plain.stdout).toMatch(/\n✖ 35 problems \(29 errors, 6 warnings, \d+ suggestions?\)\n/);
    expect(plain.stdout).toContain('potentially fixable with the `--fix` option');
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await lint(['--library', BAD], { tty: true });
    expect(coloured.stdout).toContain('\u001b[31merror');
  });

  it('should show control characters from notes as escapes, so a note cannot drive the terminal', () => {
    const out = formatStylish({
      diagnostics: [{ ruleId: 'r', severity: 'warning', message: 'Unexpected heading "\u001b[2Jhi"', file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 1 }],
      files: ['a.md'],
      rules: [],
      color: false,
    });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Unexpected heading "\\u001b[2Jhi"');
  });

  it('should write SARIF 2.1.0 with rule metadata, levels and related locations', async () => {
    const sarif = JSON.parse((await lint(['--library', BAD, '--format', 'sarif'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('commonplace');
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([...rules.map((r) => r.id), 'file-empty', 'file-not-utf8']));
    for (const result of run.results) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri.startsWith(`${BAD}/`)).toBe(true);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const dup = run.results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-title');
    expect(dup.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe(`${BAD}/duplicate-title-b.md`);
    expect(run.results.some((r: { level: string; ruleId: string }) => r.level === 'note' && r.ruleId === 'unlinked-mention')).toBe(true);
  });

  it('should write GitHub annotations, one per line, escaped', async () => {
    const { stdout } = await lint(['--library', BAD, '--format', 'github']);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S/);
    expect(lines).toContain(
      `::warning file=${BAD}/key-order.md,line=3,col=1,endLine=3,endColumn=1,title=frontmatter-key-order::Unexpected front-matter key order: "title" should come before "author" (expected title, author, year, source)`,
    );
    const escaped = formatGithub({
      diagnostics: [{ ruleId: 'r', severity: 'error', message: '100% done\nnext: a,b', file: 'a,b:c.md', line: 1, column: 2, endLine: 1, endColumn: 3 }],
      files: [],
      rules: [],
      color: false,
    });
    expect(escaped).toBe('::error file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,title=r::100%25 done%0Anext: a,b\n');
  });

  it('should lint only the FILEs given, while library rules still see every note', async () => {
    const files = await json([`${BAD}/duplicate-title-a.md`, `${BAD}/key-order.md`, '--library', BAD]);
    expect(files.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([
      [`${BAD}/duplicate-title-a.md`, ['duplicate-title']],
      [`${BAD}/key-order.md`, ['frontmatter-key-order']],
    ]);
  });

  it('should exit 1 only when warnings exceed --max-warnings', async () => {
    expect((await lint([`${BAD}/key-order.md`, '--library', BAD])).code).toBe(0);
    expect((await lint([`${BAD}/key-order.md`, '--library', BAD, '--max-warnings', '1'])).code).toBe(0);
    const over = await lint([`${BAD}/key-order.md`, '--library', BAD, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings');
  });

  it('should exit 2 with a message on usage and config errors', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /^commonplace lint: unknown option --bogus\n/],
      [['--format', 'xml'], /unknown format "xml"; expected one of stylish, json, sarif, github/],
      [['--max-warnings', '-1'], /--max-warnings expects a whole number ≥ 0, got "-1"/],
      [['--max-warnings', 'lots'], /--max-warnings expects a whole number/],
      [['--library', 'no/such/folder'], /library folder not found: no\/such\/folder/],
      [['/etc/passwd', '--library', GOOD], /\/etc\/passwd is outside the library \(test\/fixtures\/lint\/good\)/],
      [[`${GOOD}/missing.md`, '--library', GOOD], /no such file or folder: test\/fixtures\/lint\/good\/missing\.md/],
      [[`${GOOD}/concepts.yml`, '--library', GOOD], /no note found at concepts\.yml/],
    ];
    for (const [args, message] of cases) {
      const result = await lint(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-lint-config-'));
    writeFileSync(path.join(dir, 'commonplace.config.json'), '{ "minSectionWords": "many" }');
    const bad = await lint([], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('minSectionWords');
  });

  // README "The note format", Files: `.MD` files and symlinks get a warning, never a silent miss (issue 20, item 5).
  it('should give a named X.MD file or symlink the discovery warning, not "no note found"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-lint-named-'));
    cpSync(path.join(FIXTURES, 'good/owning-teams.md'), path.join(dir, 'owning-teams.md'));
    cpSync(path.join(FIXTURES, 'good/owning-teams.md'), path.join(dir, 'UPPER.MD'));
    symlinkSync('owning-teams.md', path.join(dir, 'sym.md'));
    const upper = await lint(['UPPER.MD', '--library', '.', '--format', 'json'], { cwd: dir });
    expect(upper.stderr).toBe('');
    expect(upper.code).toBe(0);
    expect(JSON.parse(upper.stdout)[0]).toMatchObject({ filePath: 'UPPER.MD', messages: [{ ruleId: 'discovery-extension', severity: 1 }] });
    const sym = await lint(['sym.md', '--library', '.', '--format', 'json'], { cwd: dir });
    expect(sym.stderr).toBe('');
    expect(sym.code).toBe(0);
    const [entry] = JSON.parse(sym.stdout) as EslintResult[];
    expect(entry).toMatchObject({ filePath: 'sym.md', messages: [{ ruleId: 'discovery-symlink', severity: 1 }] });
    expect(entry?.messages[0]?.message).not.toMatch(/\.md/);
  });

  it('should print its help and exit 0', async () => {
    const result = await lint(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: commonplace lint [FILE|FOLDER…] [options]');
    expect(result.stdout).toContain('--max-warnings N');
  });
});

describe('commonplace lint --fix', () => {
  const FIXABLE = ['heading-spelling.md', 'section-level.md', 'trailing-whitespace.md', 'key-order.md'];
  const GOOD_COPIES = ['crlf-note.md', 'bom-note.md', 'cr-note.md', 'bom-crlf-note.md', 'owning-teams.md'];

  const copy = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-lint-fix-'));
    for (const file of FIXABLE) cpSync(path.join(FIXTURES, 'bad', file), path.join(dir, file));
    for (const file of GOOD_COPIES) cpSync(path.join(FIXTURES, 'good', file), path.join(dir, file));
    return dir;
  };
  const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f))]));

  it('should fix every safe problem, change only those bytes, and leave good files byte-identical', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const result = await lint(['--library', dir, '--fix', '--format', 'json']);
    expect(result.code).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after)).toEqual(Object.keys(before)); // no stray temporary files
    for (const file of GOOD_COPIES) expect(after[file]!.equals(before[file]!)).toBe(true);
    const text = (f: string, s: Record<string, Buffer>) => s[f]!.toString('utf8');
    expect(text('heading-spelling.md', after)).toBe(text('heading-spelling.md', before).replace('## central  argument', '## Central argument'));
    expect(text('section-level.md', after)).toBe(text('section-level.md', before).replace('### Critique', '## Critique'));
    expect(text('trailing-whitespace.md', after)).toBe(text('trailing-whitespace.md', before).replace('specialists.   \n', 'specialists.\n'));
    expect(text('key-order.md', after)).toBe(
      text('key-order.md', before).replace('author: Fixture Author\ntitle: Fixture key order\n', 'title: Fixture key order\nauthor: Fixture Author\n'),
    );
    expect((JSON.parse(result.stdout) as EslintResult[]).every((f) => f.messages.length === 0)).toBe(true);
  });

  it('should be idempotent: a second run changes nothing', async () => {
    const dir = copy();
    await lint(['--library', dir, '--fix']);
    const once = snapshot(dir);
    const second = await lint(['--library', dir, '--fix']);
    expect(second.code).toBe(0);
    const twice = snapshot(dir);
    for (const file of Object.keys(once)) expect(twice[file]!.equals(once[file]!)).toBe(true);
  });
});

describe('commonplace lint --fix on relations', () => {
  it('should write the closest title for a relation that names no note, in a CRLF file, and lint clean after', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-lint-fix-rel-'));
    cpSync(path.join(FIXTURES, 'good', 'owning-teams.md'), path.join(dir, 'owning-teams.md'));
    const title = /^title: (.*)$/m.exec(readFileSync(path.join(dir, 'owning-teams.md'), 'utf8'))![1]!.replace(/^"|"$/g, '');
    const typo = title.replace('Outcome', 'Outcom');
    const text = (body: string) => body.replace(/\n/g, '\r\n');
    writeFileSync(path.join(dir, 'reply.md'), text(`---\ntitle: A reply\nauthor: B\nyear: 2020\nsource: https://example.com/reply\nrelations:\n  responds-to: [${typo}]\n---\n\nSummary.\n`));
    const result = await lint(['--library', dir, '--fix', '--format', 'json', '--no-cache']);
    const after = readFileSync(path.join(dir, 'reply.md'), 'utf8');
    expect(after).toContain(`  responds-to: [${title}]\r\n---\r\n`);
    const messages = (JSON.parse(result.stdout) as EslintResult[]).flatMap((f) => f.messages.map((m) => m.ruleId));
    expect(messages).not.toContain('relation-unknown-target');
  });
});

describe('the compiled bin', () => {
  beforeAll(() => {
    ensureCompiled(); // tsc only when src/ is newer than lib/ (npm test has just compiled)
  }, 120_000);

  it('should lint the bad library with the same findings and exit 1', () => {
    const child = spawnSync(process.execPath, ['bin/commonplace.js', 'lint', '--library', BAD, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stderr).toBe('');
    const files = JSON.parse(child.stdout) as EslintResult[];
    const found = Object.fromEntries(files.map((f) => [f.filePath.slice(BAD.length + 1), f.messages.map((m) => `${m.ruleId}@${m.line}`)]));
    expect(found).toEqual(EXPECTED_BAD);
  });

  it('should exit 0 on the good library and 2 on a bad flag', () => {
    expect(spawnSync(process.execPath, ['bin/commonplace.js', 'lint', '--library', GOOD], { cwd: ROOT }).status).toBe(0);
    const bad = spawnSync(process.execPath, ['bin/commonplace.js', 'lint', '--format', 'xml'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown format "xml"');
  });
});
