/**
 * `commonplace lsp` features through a real client over stdio, on the
 * fixture library test/fixtures/lsp copied to a temp folder: completion,
 * definition, references, hover, symbols, rename (applied to disk, then
 * linted), code actions and the create-note command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WillRenameFilesRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN, LspClient, makeProject, ROOT } from './client.js';
import { ensureCompiled } from '../reliability/cli.js';

/** The position of `needle` in `text` (plus `shift` characters). */
function pos(text: string, needle: string, shift = 0): Position {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Applies a workspace edit's `changes` to the open buffers and saves them (as an editor does). */
async function applyAndSave(client: LspClient, edit: WorkspaceEdit): Promise<void> {
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = new URL(uri).pathname;
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, readFileSync(file, 'utf8')), edits as TextEdit[]);
    writeFileSync(file, text);
    await client.change(path.relative(client.dir, file), text);
  }
}

const lint = (dir: string): { code: number | null; messages: Record<string, string[]> } => {
  const run = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', '--no-cache'], { cwd: dir, encoding: 'utf8' });
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
  return { code: run.status, messages: Object.fromEntries(results.map((r) => [r.filePath, r.messages.map((m) => m.ruleId)])) };
};

beforeAll(() => {
  ensureCompiled(); // tsc only when src/ is newer than lib/ (npm test has just compiled)
}, 120_000);

describe('lsp features', () => {
  const project = makeProject('test/fixtures/lsp');
  const read = (file: string): string => readFileSync(path.join(project.library, file), 'utf8');
  const TT = 'library/team-topologies.md';
  const HCI = 'library/how-committees-invent.md';
  const MP = 'library/missing-parts.md';
  let client: LspClient;
  let tt: string;
  let hci: string;
  let mp: string;

  beforeAll(async () => {
    ({ client } = await LspClient.start(project.dir));
    tt = read('team-topologies.md');
    hci = read('how-committees-invent.md');
    mp = read('missing-parts.md');
    await client.open(TT, tt);
    await client.open(HCI, hci);
    await client.open(MP, mp);
    await client.waitFor(MP, (d) => d.length > 0);
  }, 60_000);
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    rmSync(project.dir, { recursive: true, force: true });
  });

  const request = <R>(type: { method: string }, params: object): Promise<R> => client.connection.sendRequest(type.method, params) as Promise<R>;
  const at = (file: string, position: Position) => ({ textDocument: { uri: client.uri(file) }, position });

  it('should complete titles, aliases and concepts fuzzily after [[, with kind and documentation', async () => {
    const text = tt.replace('Why it matters\n\n', 'Why it matters\n\nSee [[cmtinv\n\n');
    await client.change(TT, text);
    const list = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, '[[cmtinv', 8)));
    const first = list.items[0]!;
    expect(first.label).toBe('How Committees Invent');
    expect(first.kind).toBe(CompletionItemKind.File);
    expect((first.documentation as MarkupContent).value).toContain('Melvin Conway, 1968');
    expect((first.documentation as MarkupContent).value).toContain('communication structure');
    expect(first.textEdit).toMatchObject({ newText: 'How Committees Invent]]' });

    const all = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, '[[cmtinv', 2)));
    const byLabel = new Map(all.items.map((i: CompletionItem) => [i.label, i]));
    expect(byLabel.get("Conway's law")?.kind).toBe(CompletionItemKind.Reference);
    expect(byLabel.get('queueing theory')?.kind).toBe(CompletionItemKind.Class);
    expect((byLabel.get('queueing theory')?.documentation as MarkupContent).value).toContain('mathematics of waiting lines');
    expect(byLabel.get('owning teams')?.detail).toBe('alias of concept "ownership"');
    // Past the first ten items (a larger library), the preview comes on completionItem/resolve.
    const note = await request<CompletionItem>(CompletionResolveRequest.type, { label: 'How Committees Invent', data: { path: 'how-committees-invent.md' } });
    expect((note.documentation as MarkupContent).value).toContain('_Melvin Conway, 1968_');
    const concept = await request<CompletionItem>(CompletionResolveRequest.type, { label: 'owning teams', data: { concept: 'owning teams' } });
    expect((concept.documentation as MarkupContent).value).toContain('**ownership** (concept)');
  });

  it('should complete the headings of the note after [[Title#', async () => {
    const text = tt.replace('Why it matters\n\n', 'Why it matters\n\nSee [[How Committees Invent#cri\n\n');
    await client.change(TT, text);
    const list = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, '#cri', 4)));
    expect(list.items.map((i) => i.label)).toEqual(['Critique']);
  });

  it('should complete concepts, tags and kinds in front matter', async () => {
    const text = tt.replace('tags: [org-design]', 'tags: [org-design, hi]').replace('concepts: [ownership]', 'concepts: [ownership, queu]\nkind: bo');
    await client.change(TT, text);
    const tags = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, ', hi]', 4)));
    expect(tags.items.map((i) => i.label)).toEqual(['history']);
    expect(tags.items[0]!.detail).toBe('tag · 1 note');
    expect(tags.items[0]!.textEdit).toMatchObject({ newText: 'history', range: { start: pos(text, ', hi]', 2), end: pos(text, ', hi]', 4) } });
    const concepts = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, 'queu]', 4)));
    expect(concepts.items.map((i) => i.label)).toEqual(['queueing theory']);
    const kinds = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, 'kind: bo', 8)));
    expect(kinds.items.map((i) => i.label)).toEqual(['book']);
    const allTags = await request<CompletionList>(CompletionRequest.type, at(TT, pos(text, 'tags: [', 7)));
    // The other notes' tags, most used first, then by code point.
    expect(allTags.items.map((i) => i.label)).toEqual(['history', 'org-design']);
    await client.change(TT, tt);
  });

  it('should offer only the required sections a note lacks on a heading line', async () => {
    const text = mp.replace('## Why it matters', '## \n\n## Why it matters');
    await client.change(MP, text);
    const list = await request<CompletionList>(CompletionRequest.type, at(MP, pos(text, '## \n', 3)));
    expect(list.items.map((i) => i.label)).toEqual(['## Critique']);
    await client.change(MP, mp);
  });

  it('should go to the note, the heading, the linked file and the concept entry', async () => {
    const note = await request<Location>(DefinitionRequest.type, at(TT, pos(tt, '[[How Committees Invent]]', 4)));
    expect(note).toEqual({ uri: client.uri(HCI), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 28 } } });
    const heading = await request<Location>(DefinitionRequest.type, at(TT, pos(tt, '#Critique', 3)));
    expect(heading.uri).toBe(client.uri(HCI));
    expect(heading.range.start).toEqual(pos(hci, '## Critique'));
    const file = await request<Location>(DefinitionRequest.type, at(HCI, pos(hci, 'the later book', 2)));
    expect(file.uri).toBe(client.uri(TT));
    const concept = await request<Location>(DefinitionRequest.type, at(HCI, pos(hci, '[[ownership]]', 3)));
    expect(concept).toEqual({ uri: client.uri('library/concepts.yml'), range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } } });
    const declared = await request<Location>(DefinitionRequest.type, at(TT, pos(tt, 'concepts: [ownership]', 13)));
    expect(declared.uri).toBe(client.uri('library/concepts.yml'));
  });

  it('should list backlinks and mentions of a note, and every note naming a concept', async () => {
    const refs = await request<Location[]>(ReferencesRequest.type, { ...at(HCI, pos(hci, 'title: How', 9)), context: { includeDeclaration: false } });
    expect(refs.map((r) => [r.uri.split('/').pop(), r.range.start.line])).toEqual([
      ['team-topologies.md', 9],
      ['team-topologies.md', 13],
    ]);
    const concept = await request<Location[]>(ReferencesRequest.type, { ...at(HCI, pos(hci, '[[ownership]]', 3)), context: { includeDeclaration: true } });
    const files = new Set(concept.map((r) => r.uri.split('/').pop()));
    expect(files).toEqual(new Set(['concepts.yml', 'how-committees-invent.md', 'team-topologies.md']));
    // team-topologies declares it in front matter (line 6) and names it in prose.
    expect(concept.some((r) => r.uri.endsWith('team-topologies.md') && r.range.start.line === 6)).toBe(true);
  });

  it('should hover a link with the note, a concept with its definition, and a title with related notes', async () => {
    const link = await request<{ contents: MarkupContent }>(HoverRequest.type, at(TT, pos(tt, '[[How Committees Invent]]', 4)));
    expect(link.contents.value).toContain('**How Committees Invent**');
    expect(link.contents.value).toContain('_Melvin Conway, 1968_');
    const concept = await request<{ contents: MarkupContent }>(HoverRequest.type, at(HCI, pos(hci, '[[ownership]]', 3)));
    expect(concept.contents.value).toContain('A team answers for an outcome end to end.');
    expect(concept.contents.value).toContain('Also: owning teams');
    const title = await request<{ contents: MarkupContent }>(HoverRequest.type, at(TT, pos(tt, 'title: Team', 8)));
    expect(title.contents.value).toContain('Related notes:');
    expect(title.contents.value).toMatch(/- \*\*How Committees Invent\*\* \(\d\.\d\d\)/u);
    expect(await request(HoverRequest.type, at(TT, { line: 12, character: 0 }))).toBeNull();
  });

  it('should outline a note and find titles and concepts in the workspace', async () => {
    const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri: client.uri(TT) } });
    expect(symbols.map((s) => s.name)).toEqual(['Team Topologies']);
    expect(symbols[0]!.children!.map((s) => [s.name, s.selectionRange.start.line])).toEqual([
      ['Central argument', 11],
      ['Critique', 15],
      ['Why it matters', 19],
    ]);
    const found = await request<WorkspaceSymbol[]>(WorkspaceSymbolRequest.type, { query: 'topo' });
    expect(found.map((s) => s.name)).toEqual(['Team Topologies']);
    const concepts = await request<WorkspaceSymbol[]>(WorkspaceSymbolRequest.type, { query: 'queue' });
    expect(concepts.map((s) => s.name)).toEqual(['queueing theory']);
  });

  it('should fix, link a mention, add a missing section and fix all through code actions', async () => {
    const diagnostics = await client.waitFor(MP, (d) => d.length === 4);
    const actions = await request<CodeAction[]>(CodeActionRequest.type, { textDocument: { uri: client.uri(MP) }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, context: { diagnostics } });
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual([
      'Create a note titled "Nonexistent Essay"',
      'Fix: Unexpected trailing whitespace (1 character); remove it',
      'Fix: Unexpected heading "Central Argument", expected "Central argument"',
      'Add the missing section "Critique"',
      'Fix all safe problems (as lint --fix)',
    ]);
    let text = mp;
    for (const action of actions.slice(1, 4)) {
      const doc = TextDocument.create(client.uri(MP), 'markdown', 1, text);
      text = TextDocument.applyEdits(doc, action.edit!.changes![client.uri(MP)]!);
    }
    expect(text).toContain('## Critique\n\nTODO: Say where the argument is weak');
    expect(text).toContain('## Central argument\n');
    await client.change(MP, text);
    const after = await client.waitFor(MP, (d) => d.length !== 4);
    // The new section holds only its TODO prompt: placeholder reports it, section-min-words leaves it to placeholder.
    expect(after.map((d) => d.code).sort()).toEqual(['placeholder', 'wikilink-unresolved']);
    await client.change(MP, mp);

    const ttDiagnostics = await client.waitFor(TT, (d) => d.some((x) => x.code === 'unlinked-mention'));
    const mention = ttDiagnostics.find((x) => x.code === 'unlinked-mention')!;
    const link = await request<CodeAction[]>(CodeActionRequest.type, { textDocument: { uri: client.uri(TT) }, range: mention.range, context: { diagnostics: [mention] } });
    expect(link.map((a) => a.title)).toEqual(['Link this mention as [[queueing theory]]']);
    const linked = TextDocument.applyEdits(TextDocument.create(client.uri(TT), 'markdown', 1, tt), link[0]!.edit!.changes![client.uri(TT)]!);
    expect(linked).toContain('its warning about [[queueing theory]] in hand-offs');
  });

  it('should offer the closest note for a relation that names none, as lint --fix would write it', async () => {
    const text = tt.replace('concepts: [ownership]\n', 'concepts: [ownership]\nrelations:\n  builds-on: [How Comittees Invent]\n');
    await client.change(TT, text);
    const diagnostics = await client.waitFor(TT, (d) => d.some((x) => x.code === 'relation-unknown-target'));
    const target = diagnostics.find((x) => x.code === 'relation-unknown-target')!;
    expect(target.range.start).toEqual(pos(text, 'How Comittees'));
    const actions = await request<CodeAction[]>(CodeActionRequest.type, { textDocument: { uri: client.uri(TT) }, range: target.range, context: { diagnostics: [target] } });
    const fix = actions.find((a) => a.title.startsWith('Fix: No note'))!;
    expect(fix.title).toBe('Fix: No note "How Comittees Invent" for "builds-on": no file name, title or alias matches; did you mean "How Committees Invent"?');
    const fixed = TextDocument.applyEdits(TextDocument.create(client.uri(TT), 'markdown', 1, text), fix.edit!.changes![client.uri(TT)]!);
    expect(fixed).toContain('builds-on: [How Committees Invent]\n');
    await client.change(TT, tt);
  });

  it('should create a note for an unresolved link from the template, and refuse to overwrite it', async () => {
    const created = await request<{ uri: string }>(ExecuteCommandRequest.type, { command: 'commonplace.createNote', arguments: [{ title: 'Nonexistent Essay' }] });
    expect(created.uri).toBe(client.uri('library/nonexistent-essay.md'));
    const text = read('nonexistent-essay.md');
    expect(text).toMatch(/^---\ntitle: Nonexistent Essay\nkind: essay\n---\n\nTODO: Summarise Nonexistent Essay/u);
    await client.waitFor(MP, (d) => !d.some((x) => x.code === 'wikilink-unresolved'));
    writeFileSync(path.join(project.library, 'nonexistent-essay.md'), `${text}\nkept\n`);
    await expect(request(ExecuteCommandRequest.type, { command: 'commonplace.createNote', arguments: [{ title: 'Nonexistent Essay' }] })).rejects.toThrow(/nothing written/u);
    expect(read('nonexistent-essay.md')).toContain('kept');
    rmSync(path.join(project.library, 'nonexistent-essay.md'));
  });

  it('should rename a title in every wikilink, as one edit that lints clean', async () => {
    const before = lint(project.dir);
    expect(before.messages[TT]).toEqual([]);
    const prepared = await request<{ placeholder: string }>(PrepareRenameRequest.type, at(TT, pos(tt, '[[How Committees Invent]]', 5)));
    expect(prepared.placeholder).toBe('How Committees Invent');
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { ...at(TT, pos(tt, '[[How Committees Invent]]', 5)), newName: 'Committees: how they design' });
    expect(Object.keys(edit.changes!).sort()).toEqual([client.uri(HCI), client.uri(TT)]);
    expect(edit.changes![client.uri(TT)]!.map((e) => e.newText)).toEqual(['Committees: how they design', 'Committees: how they design']);
    await applyAndSave(client, edit);
    expect(read('how-committees-invent.md')).toContain('title: "Committees: how they design"\n');
    expect(read('team-topologies.md')).toContain('[[Committees: how they design#Critique]]');
    const after = lint(project.dir);
    expect(after.messages).toEqual(before.messages);
  });

  it('should rename a concept in concepts.yml, links and front matter', async () => {
    const before = lint(project.dir);
    const glossary = read('concepts.yml');
    await client.open('library/concepts.yml', glossary);
    const edit = await request<WorkspaceEdit>(RenameRequest.type, { ...at('library/concepts.yml', pos(glossary, 'ownership', 2)), newName: 'team ownership' });
    await applyAndSave(client, edit);
    expect(read('concepts.yml')).toContain('- name: team ownership\n');
    expect(read('how-committees-invent.md')).toContain('[[team ownership]]');
    expect(read('team-topologies.md')).toContain('concepts: [team ownership]');
    expect(lint(project.dir).messages).toEqual(before.messages);
    expect(existsSync(path.join(project.library, 'nonexistent-essay.md'))).toBe(false);
  });

  it('should rewrite links by file name and Markdown links when a note file is renamed', async () => {
    const before = lint(project.dir);
    const edit = await request<WorkspaceEdit>(WillRenameFilesRequest.type, { files: [{ oldUri: client.uri(TT), newUri: client.uri('library/topologies.md') }] });
    expect(Object.keys(edit.changes!).sort()).toEqual([client.uri(HCI), client.uri(MP)]);
    expect(edit.changes![client.uri(HCI)]!.map((e) => e.newText)).toEqual(['topologies.md']);
    expect(edit.changes![client.uri(MP)]!.map((e) => e.newText)).toEqual(['topologies']);
    await applyAndSave(client, edit);
    renameSync(path.join(project.library, 'team-topologies.md'), path.join(project.library, 'topologies.md'));
    expect(read('missing-parts.md')).toContain('See [[topologies]] for a way out.');
    const after = lint(project.dir);
    const renamed = Object.fromEntries(Object.entries(before.messages).map(([file, ids]) => [file === TT ? 'library/topologies.md' : file, ids]));
    expect(after.messages).toEqual(renamed);
  });

  it('should answer a request that crashes with an error and go on serving', async () => {
    await expect(client.connection.sendRequest(HoverRequest.method, { position: { line: 0, character: 0 } })).rejects.toThrow();
    const symbols = await request<WorkspaceSymbol[]>(WorkspaceSymbolRequest.type, { query: 'topo' });
    expect(symbols.map((s) => s.name)).toEqual(['Team Topologies']);
  });
});
