/**
 * `commonplace lsp` diagnostics through a real client over stdio: the same
 * findings as `commonplace lint` (ids, severities, messages, ranges; config
 * and inline directives applied), unsaved text counting, library-wide rules
 * updating other open files, files changed outside the editor, concepts.yml.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, makeProject, ROOT, BIN } from './client.js';
import { ensureCompiled } from '../reliability/cli.js';

interface Message {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** An LSP diagnostic in ESLint-JSON terms (LSP severity 1 error → 2, 2 warning → 1). */
const asEslint = (d: Diagnostic): Message => ({
  ruleId: String(d.code),
  severity: d.severity === 1 ? 2 : 1,
  message: typeof d.message === 'string' ? d.message : d.message.value,
  line: d.range.start.line + 1,
  column: d.range.start.character + 1,
  endLine: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
});

const utf8 = new TextDecoder('utf-8', { fatal: true });
const readText = (file: string): string | null => {
  try {
    const text = utf8.decode(readFileSync(file));
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
};

/** Every file of the library an editor could open as text, library-relative. */
function textFiles(library: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (readText(full) !== null) out.push(path.relative(library, full).split(path.sep).join('/'));
    }
  };
  walk(library);
  return out.sort();
}

beforeAll(() => {
  ensureCompiled(); // tsc only when src/ is newer than lib/ (npm test has just compiled)
}, 120_000);

describe('lsp diagnostics', () => {
  const project = makeProject('test/fixtures/lint/bad', { rules: { 'raw-html': 'error', 'summary-min-words': 'off' }, parseTimeoutMs: 1500 });
  cpSync(path.join(ROOT, 'test/fixtures/lint/good/directives.md'), path.join(project.library, 'directives.md'));
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start(project.dir));
  }, 60_000);
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    rmSync(project.dir, { recursive: true, force: true });
  });

  it('should publish for each open file exactly what lint --format json reports', async () => {
    const files = textFiles(project.library);
    expect(files).toContain('concepts.yml');
    for (const file of files) await client.open(`library/${file}`, readText(path.join(project.library, file))!);
    const lint = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json'], { cwd: project.dir, encoding: 'utf8' });
    expect(lint.status).toBe(1);
    // A fix is no part of an LSP diagnostic (it comes back as a code action, tested in features.test.ts).
    const withoutFix = ({ fix: _fix, ...message }: Message & { fix?: unknown }): Message => message;
    const expected = new Map((JSON.parse(lint.stdout) as { filePath: string; messages: Message[] }[]).map((r) => [r.filePath, r.messages.map(withoutFix)]));
    let compared = 0;
    for (const file of files) {
      const want = expected.get(`library/${file}`) ?? [];
      const got = await client.waitFor(`library/${file}`, (d) => d.filter((x) => x.severity !== 3).length === want.length);
      expect(got.filter((d) => d.severity !== 3).map(asEslint), file).toEqual(want);
      expect(got.every((d) => d.source === 'commonplace')).toBe(true);
      compared += want.length;
    }
    // The config switched summary-min-words off and raised raw-html to an error; the directive silenced one line.
    const all = [...expected.values()].flat();
    expect(all.some((m) => m.ruleId === 'summary-min-words')).toBe(false);
    expect(all.find((m) => m.ruleId === 'raw-html')?.severity).toBe(2);
    expect(readFileSync(path.join(project.library, 'directives.md'), 'utf8')).toContain('<kbd>');
    expect(expected.get('library/directives.md')?.some((m) => m.ruleId === 'raw-html')).toBe(false);
    expect(compared).toBeGreaterThan(30);
  });

  it('should publish unlinked-mention suggestions as information', async () => {
    const got = await client.waitFor('library/unlinked-mention.md');
    const info = got.filter((d) => d.severity === 3);
    expect(info.map((d) => d.code)).toEqual(['unlinked-mention']);
  });

  it('should lint the unsaved text, and update library-wide rules in other open files', async () => {
    const file = 'library/wikilink.md';
    const text = readFileSync(path.join(project.dir, file), 'utf8');
    expect((await client.waitFor(file)).map((d) => d.code)).toContain('wikilink-unresolved');
    await client.change(file, text.replace('[[Fixture section ordr]]', '[[Fixture section order]]'));
    await client.waitFor(file, (d) => !d.some((x) => x.code === 'wikilink-unresolved'));

    // duplicate-title-a.md is reported while b.md has its title; retitling b (unsaved) clears a.
    const a = 'library/duplicate-title-a.md';
    const b = 'library/duplicate-title-b.md';
    expect((await client.waitFor(a)).map((d) => d.code)).toContain('duplicate-title');
    const bText = readFileSync(path.join(project.dir, b), 'utf8');
    const title = /^title: (.*)$/m.exec(bText)![1]!;
    await client.change(b, bText.replace(`title: ${title}`, 'title: A distinct title now'));
    await client.waitFor(a, (d) => !d.some((x) => x.code === 'duplicate-title'));
    // Closing b drops its unsaved text: the disk's title counts again.
    await client.close(b);
    await client.waitFor(a, (d) => d.some((x) => x.code === 'duplicate-title'));
  });

  it('should see files created, changed and deleted outside the editor', async () => {
    const a = 'library/duplicate-source-a.md';
    const aText = readFileSync(path.join(project.dir, a), 'utf8');
    const title = /^title: (.*)$/m.exec(aText)![1]!;
    await client.waitFor(a, (d) => !d.some((x) => x.code === 'duplicate-title'));
    const outside = path.join(project.library, 'outside.md');
    writeFileSync(outside, aText.replace(/^source: .*$/m, 'source: https://example.com/elsewhere'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('library/outside.md'), type: FileChangeType.Created }] });
    const dup = await client.waitFor(a, (d) => d.some((x) => x.code === 'duplicate-title'));
    expect(dup.find((x) => x.code === 'duplicate-title')!.message).toContain(title.replace(/^"|"$/g, '').slice(0, 10));

    writeFileSync(outside, aText.replace(/^title: .*$/m, 'title: Something else entirely').replace(/^source: .*$/m, 'source: https://example.com/elsewhere'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('library/outside.md'), type: FileChangeType.Changed }] });
    await client.waitFor(a, (d) => !d.some((x) => x.code === 'duplicate-title'));

    rmSync(path.join(project.library, 'duplicate-source-b.md'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri('library/duplicate-source-b.md'), type: FileChangeType.Deleted }] });
    await client.waitFor(a, (d) => !d.some((x) => x.code === 'duplicate-source'));
  });

  it('should report the glossary from the editor text of concepts.yml', async () => {
    const file = 'library/concepts.yml';
    await client.change(file, '- name: queueing theory\n  definition: Waiting lines.\n- name: queueing theory\n  definition: Again.\n');
    const got = await client.waitFor(file, (d) => d.some((x) => x.code === 'glossary-duplicate-name'));
    expect(got.find((x) => x.code === 'glossary-duplicate-name')!.range.start.line).toBe(2);
  });

  it('should turn a note that cannot be read into a diagnostic, not a crash', async () => {
    const file = 'library/wikilink.md';
    await client.change(file, `---\ntitle: x\n---\n${'>'.repeat(3000)} deep\n`);
    const got = await client.waitFor(file, (d) => d.some((x) => String(x.code).startsWith('file-parse')));
    expect(got[0]!.severity).toBe(1);
    // A note no parser finishes in time (micromark needs ~10 s) is stopped at the budget; the server goes on.
    const started = Date.now();
    await client.change(file, `---\ntitle: x\n---\n${'*_'.repeat(20000)}x\n`);
    const slow = await client.waitFor(file, (d) => d.some((x) => x.code === 'file-parse-timeout'));
    expect(slow.find((x) => x.code === 'file-parse-timeout')!.message).toContain('took longer than 1500 ms');
    expect(Date.now() - started).toBeLessThan(8000); // a generous hang guard, not a speed assertion
    await client.change(file, 'no front matter at all\n');
    await client.waitFor(file, (d) => d.some((x) => x.code === 'frontmatter-missing'));
  });
});
