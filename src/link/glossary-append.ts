/**
 * Accepted suggestions into `concepts.yml`, through the `yaml` package's
 * Document API, so the file keeps its comments, entry order and formatting:
 * only the new entries (appended at the end, a blank line before each) and
 * the extended `aliases` lists change. The result is parsed back with
 * `parseGlossary` and refused unless it is clean (no diagnostic at all) and
 * has every accepted name and alias, so an invalid glossary is never
 * written. Writing is the caller's (atomically: `writeFileAtomic`).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseGlossary } from './glossary.js';
import { phraseKey } from './phrase.js';

/** One accepted suggestion: a new concept with its definition, or an alias of an existing concept. */
export type Acceptance = { phrase: string; definition: string } | { phrase: string; aliasOf: string };

/** The new glossary text, or why it cannot be written (one line). */
export type AppendResult = { ok: true; text: string } | { ok: false; error: string };

/** Applies `accepted` to the glossary `text` ('' when there is no file yet). Pure. */
export function appendToGlossary(text: string, accepted: readonly Acceptance[]): AppendResult {
  const before = parseGlossary(text);
  if (before.diagnostics.length > 0) {
    const d = before.diagnostics[0]!;
    return { ok: false, error: `concepts.yml:${d.line}:${d.column} has a problem to fix first: ${d.message}` };
  }
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  // A file of only comments parses to null contents: it gets an empty list, the comments stay.
  if (doc.contents === null) doc.contents = doc.createNode([]) as unknown as typeof doc.contents;
  const list = doc.contents as unknown as YAMLSeq | null;
  if (!isSeq(list)) return { ok: false, error: 'concepts.yml is not a list of concepts' };
  for (const item of accepted) {
    const problem = 'aliasOf' in item ? addAlias(doc, list, item.phrase, item.aliasOf) : addConcept(doc, list, item.phrase, item.definition);
    if (problem) return { ok: false, error: problem };
  }
  const result = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const after = parseGlossary(result);
  if (after.diagnostics.length > 0) {
    const d = after.diagnostics[0]!;
    return { ok: false, error: `not written: the glossary would not be clean (${d.message})` };
  }
  const names = new Set(after.concepts.flatMap((c) => [c.name, ...c.aliases]).map(phraseKey));
  const missing = accepted.find((a) => !names.has(phraseKey(a.phrase)));
  if (missing) return { ok: false, error: `not written: "${missing.phrase}" would not be in the glossary` };
  return { ok: true, text: result };
}

/** Appends `{ name, definition }` after the last entry, a blank line before it. */
function addConcept(doc: Document, list: YAMLSeq, phrase: string, definition: string): string | null {
  if (definition.trim() === '') return `"${phrase}" needs a definition`;
  const entry = doc.createNode({ name: phrase, definition: definition.trim() }) as YAMLMap;
  if (list.items.length > 0) entry.spaceBefore = true;
  list.flow = false;
  list.items.push(entry);
  return null;
}

/** Adds `phrase` to the `aliases` of the concept named (or aliased) `of`, creating the list after `name` if needed. */
function addAlias(doc: Document, list: YAMLSeq, phrase: string, of: string): string | null {
  const key = phraseKey(of);
  const entry = list.items.find((item): item is YAMLMap => {
    if (!isMap(item)) return false;
    const forms = [item.get('name'), ...aliasValues(item)];
    return forms.some((form) => typeof form === 'string' && phraseKey(form) === key);
  });
  if (!entry) return `no concept "${of}" in concepts.yml`;
  const aliases = entry.get('aliases', true);
  if (isSeq(aliases)) {
    aliases.items.push(doc.createNode(phrase));
  } else if (isScalar(aliases) && typeof aliases.value === 'string') {
    const seq = doc.createNode([aliases.value, phrase]) as YAMLSeq;
    seq.flow = true;
    entry.set('aliases', seq);
  } else {
    const seq = doc.createNode([phrase]) as YAMLSeq;
    seq.flow = true;
    const pair = doc.createPair('aliases', seq);
    const nameAt = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'name');
    entry.items.splice(nameAt + 1, 0, pair as (typeof entry.items)[number]);
  }
  return null;
}

function aliasValues(entry: YAMLMap): unknown[] {
  const aliases = entry.get('aliases', true);
  if (isSeq(aliases)) return aliases.items.map((item) => (isScalar(item) ? item.value : null));
  if (isScalar(aliases)) return [aliases.value];
  return [];
}
