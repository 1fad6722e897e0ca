/**
 * The whole hostile library through the real CLI, in one run each of `lint`
 * and `build`: every bad file reported with its rule, good notes untouched,
 * no code from any note run, nothing written outside the output folder, a
 * failed build leaves the previous dist/ alone. Then, with the bad files
 * removed, the XSS notes build and the page a browser would parse is clean.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTrees, ensureCompiled, findingsByFile, runCli, snapshotTree, tempDir, type CliResult, type JsonMessage } from './cli.js';
import { BAD_FILES, GENERATED, GOOD_NOTES, HOSTILE_PATHS, XSS_NOTES, writeHostileLibrary, writeSafeLibrary, type Expectation } from './hostile-fixtures.js';
import { auditHandbook, codeScripts, parseDocument } from './html-audit.js';

const MARKERS = ['js', 'javascript', 'JS', 'JavaScript', 'space-js', 'coffee', 'js-crlf', 'bom-js'].map((name) => `commonplace-pwned-${name}`);
const WALL_BOUND_MS = 60_000;

let root: string;
let library: string;
let lint: CliResult;
let findings: Map<string, JsonMessage[]>;
let treeBeforeLint: Map<string, string>;
let treeAfterLint: Map<string, string>;

const absoluteMarkers = (): string[] => MARKERS.map((m) => path.join('/tmp', m)).filter((m) => existsSync(m));

beforeAll(async () => {
  ensureCompiled();
  for (const marker of MARKERS) rmSync(path.join('/tmp', marker), { force: true });
  root = tempDir();
  library = path.join(root, 'library');
  writeHostileLibrary(library);
  treeBeforeLint = snapshotTree(root);
  lint = await runCli(['lint', '--library', 'library', '--format', 'json'], { cwd: root });
  treeAfterLint = snapshotTree(root);
  findings = findingsByFile(lint.stdout, library, root);
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const describeFindings = (file: string): string => (findings.get(file) ?? []).map((m) => `${m.ruleId}@${m.line}:${m.column}`).join(', ') || 'nothing';

function expectReported(file: string, expected: Expectation): void {
  const messages = findings.get(file) ?? [];
  const severity = expected.severity === 'warning' ? 1 : 2;
  const hit = messages.some((m) => expected.rules.includes(m.ruleId) && m.severity === severity);
  if (expected.mayPass && !hit) {
    // Parsed within budget: then it is just a note, and nothing may have crashed on it.
    expect(messages.filter((m) => m.ruleId.startsWith('file-')), `${file} (${expected.row})`).toEqual([]);
    return;
  }
  expect(hit, `${file} (${expected.row}): expected ${expected.rules.join(' or ')}, got ${describeFindings(file)}`).toBe(true);
  for (const m of messages) expect(m.line, `${file}: ${m.ruleId} has a position`).toBeGreaterThanOrEqual(1);
}

describe('lint on the hostile library (real CLI, worker pool, time budgets)', () => {
  it('should exit 1 with a JSON report and no crash, within a generous wall-time bound', () => {
    expect(lint.code, lint.stderr).toBe(1);
    expect(lint.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|internal error/i);
    expect(lint.ms).toBeLessThan(WALL_BOUND_MS);
  });

  for (const [file, expected] of Object.entries(BAD_FILES)) {
    it(`should report ${file} (${expected.row}) as ${expected.rules.join(' or ')}`, () => expectReported(file, expected));
  }
  for (const [file, expected] of Object.entries(GENERATED)) {
    it(`should report ${file} (${expected.row}) as ${expected.rules.join(' or ')}`, () => expectReported(file, expected));
  }

  it('should report nothing on the good notes (a long [[aaa… line included)', () => {
    for (const file of GOOD_NOTES) expect(describeFindings(file), file).toBe('nothing');
  });

  it('should give the XSS notes warnings only (raw HTML is a warning, not an error)', () => {
    for (const file of XSS_NOTES) {
      const errors = (findings.get(file) ?? []).filter((m) => m.severity === 2);
      expect(errors, file).toEqual([]);
    }
  });

  it('should name every Markdown-looking file in the library: no silent miss', () => {
    const named = new Set(findings.keys());
    for (const file of [...Object.keys(BAD_FILES), ...Object.keys(GENERATED), ...GOOD_NOTES, ...XSS_NOTES]) {
      expect(named.has(file) || named.has(file.normalize('NFC')), file).toBe(true);
    }
  });

  it('should not follow the symlinks: nothing from /etc/passwd and no loop in the report', () => {
    expect(lint.stdout).not.toContain('root:x:0:0');
    expect([...findings.keys()].filter((file) => file.startsWith('loop/self/'))).toEqual([]);
  });

  it('should run no code from any front matter and write nothing but its documented parse cache', () => {
    const cache = /^added node_modules(\/\.cache(\/commonplace(\/.*)?)?)?$/;
    expect(diffTrees(treeBeforeLint, treeAfterLint).filter((change) => !cache.test(change))).toEqual([]);
    expect(absoluteMarkers()).toEqual([]);
  });

  it('should keep the YAML 1.2 values of the bad notes as written (never 5349 or 90)', () => {
    const octal = findings.get('yaml-octal-venue.md')!.find((m) => m.ruleId === 'field-type')!;
    expect(octal.message).toContain('12345');
    expect(octal.message).not.toContain('5349');
    const sexagesimal = findings.get('yaml-sexagesimal-year.md')!.find((m) => m.ruleId === 'field-type')!;
    expect(sexagesimal.message).toContain('"1:30"');
  });

  it('should report an unclosed fence at line 1 without swallowing the body as YAML', () => {
    const messages = findings.get('fm-unterminated.md')!;
    expect(messages.find((m) => m.ruleId === 'frontmatter-missing')).toMatchObject({ line: 1, column: 1 });
    // The body's sections were read as Markdown, so none is reported missing.
    expect(messages.filter((m) => m.ruleId === 'section-required')).toEqual([]);
  });
});

describe('build on the hostile library', () => {
  it('should exit 1, write nothing, and leave a previous dist/ byte-identical', async () => {
    const dist = path.join(root, 'dist');
    mkdirSync(dist, { recursive: true });
    for (const name of ['handbook.md', 'handbook.html', 'index.json', 'index.schema.json']) writeFileSync(path.join(dist, name), `previous ${name}\n`);
    const before = snapshotTree(root);
    const build = await runCli(['build', '--library', 'library', '--out', 'dist', '--no-cache'], { cwd: root });
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toContain('nothing written');
    expect(diffTrees(before, snapshotTree(root))).toEqual([]);
    expect(absoluteMarkers()).toEqual([]);
    expect(build.ms).toBeLessThan(WALL_BOUND_MS);
  }, 120_000);
});

describe('build of the XSS notes once the bad files are gone', () => {
  let html: string;
  let shellScripts: string[];
  let changes: string[];
  let indexJson: { notes: { id: string; title: string; authors: string[]; venue: string | null; tags: string[] }[] };

  beforeAll(async () => {
    for (const file of HOSTILE_PATHS) rmSync(path.join(library, file), { recursive: true, force: true });
    rmSync(path.join(library, 'loop'), { recursive: true, force: true });
    rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    const before = snapshotTree(root);
    const build = await runCli(['build', '--library', 'library', '--out', 'dist', '--no-cache'], { cwd: root });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    changes = diffTrees(before, snapshotTree(root));
    html = readFileSync(path.join(root, 'dist', 'handbook.html'), 'utf8');
    indexJson = JSON.parse(readFileSync(path.join(root, 'dist', 'index.json'), 'utf8')) as typeof indexJson;

    // The shell's own scripts, from a harmless library (good notes only).
    const plain = tempDir();
    writeSafeLibrary(path.join(plain, 'library'));
    for (const file of XSS_NOTES) rmSync(path.join(plain, 'library', file));
    const reference = await runCli(['build', '--library', 'library', '--out', 'dist', '--no-cache'], { cwd: plain });
    expect(reference.code, reference.stdout + reference.stderr).toBe(0);
    shellScripts = codeScripts(parseDocument(readFileSync(path.join(plain, 'dist', 'handbook.html'), 'utf8')));
    rmSync(plain, { recursive: true, force: true });
  }, 180_000);

  it('should write only inside dist/', () => {
    const site = (change: string): boolean => /^added dist\/site(\/|$)/.test(change);
    expect(changes.filter((change) => !site(change))).toEqual(['added dist', 'added dist/handbook.epub', 'added dist/handbook.html', 'added dist/handbook.md', 'added dist/index.json', 'added dist/index.schema.json', 'added dist/references.bib', 'added dist/references.json']);
    expect(changes.filter(site)).toContain('added dist/site/index.html');
  });

  it('should contain no script-capable element, handler, dangerous URL, broken #anchor or unescaped inline JSON', () => {
    expect(shellScripts.length).toBeGreaterThan(0);
    expect(auditHandbook(html, shellScripts)).toEqual([]);
  });

  it('should show the hostile title as link text where the cross-linker links it', () => {
    const tree = parseDocument(html);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&#x3C;img src=x onerror=alert(\'title\')> hazards</a>');
    expect(codeScripts(tree).some((s) => s.includes('alert('))).toBe(false);
  });

  it('should keep YAML 1.2 core values as the strings written in dist/index.json', () => {
    const values = indexJson.notes.find((n) => n.id === 'yaml-values')!;
    expect(values.title).toBe('2020-01-01');
    expect(values.authors).toEqual(['NO']);
    expect(values.venue).toBe('1:30');
    // Sorted by code point: digits, upper case, lower case, then Å.
    expect(values.tags).toEqual(['10', '1:30', '2020-01-01', '9', 'A', 'NO', 'a', 'b', 'off', 'yes', 'Å']);
  });

  it('should check its own audit: a page with each kind of payload is flagged', () => {
    const bad = html.replace('</main>', '<img src=x onerror=alert(1)><a href=" jav&#x09;ascript:alert(1)">x</a><a href="#nowhere">y</a><script>alert(1)</script></main>');
    const problems = auditHandbook(bad, shellScripts);
    expect(problems.some((p) => p.includes('<img>'))).toBe(true);
    expect(problems.some((p) => p.includes('onError'))).toBe(true);
    expect(problems.some((p) => p.startsWith('href='))).toBe(true);
    expect(problems.some((p) => p.includes('#nowhere'))).toBe(true);
    expect(problems.some((p) => p.startsWith('a code <script>'))).toBe(true);
    // Something dressed as one of the handbook's pictures is judged by what it holds.
    const dressed = auditHandbook(html.replace('</main>', '<svg class="cp-picture"><a href="https://example.com/"><circle r="1"></circle></a><image href="x.png"></image></svg></main>'), shellScripts);
    expect(dressed).toEqual(['element <a> in a picture', 'property href on <a> in a picture', 'element <image> in a picture', 'property href on <image> in a picture']);
  });
});
