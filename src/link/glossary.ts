/**
 * The glossary: `<library>/concepts.yml`, a YAML list of
 * `{ name, aliases?, definition, see? }` entries. Loading never throws on bad
 * content: every problem becomes a Diagnostic with its line and column in
 * concepts.yml, the faulty entry (or just its faulty alias / `see` name) is
 * left out, and the rest of the glossary is still usable.
 *
 * YAML is read with the `yaml` package, YAML 1.2 core schema (so `NO` stays a
 * string), duplicate keys refused and anchors/aliases refused (alias bombs).
 *
 * Complexity: O(entries × (aliases + see)) plus one closest-name search per
 * unknown `see` target (O(names × name length²)).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findExcessiveNesting } from '../read/yaml-data.js';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { Config } from '../config.js';
import type { Concept, Diagnostic, RelatedLocation, Severity } from '../types.js';
import { sortBy } from '../util/sort.js';
import { conceptId } from './concept-id.js';
import { closestName } from './lookup.js';
import { phraseKey } from './phrase.js';

export { closestName, createConceptLookup } from './lookup.js';

/** The glossary file name, relative to the library root (also the `file` of its diagnostics). */
export const GLOSSARY_FILE = 'concepts.yml';

/** Rule ids of the glossary's own diagnostics. */
export const GLOSSARY_RULES = {
  yaml: 'glossary-yaml',
  notList: 'glossary-not-list',
  invalidEntry: 'glossary-invalid-entry',
  unknownKey: 'glossary-unknown-key',
  duplicateName: 'glossary-duplicate-name',
  duplicateAlias: 'glossary-duplicate-alias',
  unknownSee: 'glossary-unknown-see',
} as const;

/** What loading the glossary gives: the usable concepts (in file order) and what was wrong. */
export interface Glossary {
  concepts: Concept[];
  diagnostics: Diagnostic[];
}

const KNOWN_KEYS = new Set(['name', 'aliases', 'definition', 'see']);

/**
 * Reads `<root>/concepts.yml`. A missing file means "no concepts" (no
 * diagnostic); an unreadable or oversized one (over `config.maxFileBytes`,
 * checked with `stat` before reading) is one error diagnostic.
 */
export function loadGlossary(root: string, config: Config): Glossary {
  const file = path.join(root, GLOSSARY_FILE);
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > config.maxFileBytes) {
      return failed(`${GLOSSARY_FILE} is ${size} bytes, over the ${config.maxFileBytes}-byte limit (maxFileBytes); split or shorten it`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { concepts: [], diagnostics: [] };
    return failed(`cannot read ${GLOSSARY_FILE}: ${(error as Error).message}`);
  }
  return parseGlossary(text);
}

const failed = (message: string): Glossary => ({
  concepts: [],
  diagnostics: [{ ruleId: GLOSSARY_RULES.yaml, severity: 'error', message, file: GLOSSARY_FILE, line: 1, column: 1, endLine: 1, endColumn: 1 }],
});

/** Parses and validates glossary text (pure; `loadGlossary` without the disk). */
export function parseGlossary(input: string): Glossary {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = new LineCounter();
  // Deep nesting crashes the YAML parser with a fatal V8 error no catch can
  // stop, so it is refused before parsing, as in front matter.
  const deep = findExcessiveNesting(text);
  if (deep) {
    const before = text.slice(0, deep.offset);
    const line = before.split('\n').length;
    const column = deep.offset - before.lastIndexOf('\n');
    const where = { line, column, endLine: line, endColumn: column };
    return {
      concepts: [],
      diagnostics: [{ ruleId: GLOSSARY_RULES.yaml, severity: 'error', message: `concepts.yml ${deep.message}`, file: GLOSSARY_FILE, ...where }],
    };
  }
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, lineCounter: lines, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const at = (range: readonly number[] | null | undefined) => span(lines, range);
  const report = (ruleId: string, severity: Severity, message: string, range: readonly number[] | null | undefined, related?: RelatedLocation[]) =>
    diagnostics.push({ ruleId, severity, message, file: GLOSSARY_FILE, ...at(range), ...(related ? { related } : {}) });

  for (const error of doc.errors) report(GLOSSARY_RULES.yaml, 'error', `YAML error: ${firstLine(error.message)}`, error.pos);
  let aliased = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) {
      report(GLOSSARY_RULES.yaml, 'error', 'Unexpected YAML anchor or alias, expected plain values (anchors are refused)', (node as Node).range);
      aliased = true;
      return visit.BREAK;
    }
    return undefined;
  });
  if (doc.errors.length > 0 || aliased) return { concepts: [], diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { concepts: [], diagnostics };
  if (!isSeq(doc.contents)) {
    report(GLOSSARY_RULES.notList, 'error', 'Unexpected value, expected a list of concepts (`- name: …` entries)', doc.contents.range);
    return { concepts: [], diagnostics };
  }

  const drafts = doc.contents.items.flatMap((item) => readEntry(item, report));
  const concepts = dedupe(drafts, report, lines);
  return { concepts, diagnostics: sortBy(diagnostics, (d) => d.line, (d) => d.column, (d) => d.ruleId) };
}

type Report = (ruleId: string, severity: Severity, message: string, range: readonly number[] | null | undefined, related?: RelatedLocation[]) => void;

/** A string value with where it was written. */
interface Located {
  value: string;
  range: readonly number[] | null | undefined;
}

interface Draft {
  name: Located;
  aliases: Located[];
  definition: string;
  see: Located[];
  range: readonly number[] | null | undefined;
}

/** Reads one list item into a draft, reporting what is malformed; [] when unusable. */
function readEntry(item: unknown, report: Report): Draft[] {
  const range = (item as Node | null)?.range;
  if (!isMap(item)) {
    report(GLOSSARY_RULES.invalidEntry, 'error', 'Unexpected entry, expected a mapping with `name` and `definition`', range);
    return [];
  }
  const fields = new Map<string, { node: unknown; range: readonly number[] | null | undefined }>();
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyRange = (pair.key as Node | null)?.range;
    if (!KNOWN_KEYS.has(key)) {
      report(GLOSSARY_RULES.unknownKey, 'warning', `Unexpected key \`${key}\`, expected one of name, aliases, definition, see`, keyRange);
      continue;
    }
    fields.set(key, { node: pair.value, range: (pair.value as Node | null)?.range ?? keyRange });
  }
  const name = readString(fields.get('name'), 'name', range, report);
  const definition = readString(fields.get('definition'), 'definition', range, report);
  if (name && phraseKey(name.value) === '') {
    report(GLOSSARY_RULES.invalidEntry, 'error', `Unexpected name "${name.value}", expected at least one word`, name.range);
    return [];
  }
  if (!name || !definition) return [];
  return [{ name, definition: definition.value, aliases: readList(fields.get('aliases'), 'aliases', report), see: readList(fields.get('see'), 'see', report), range }];
}

function readString(
  field: { node: unknown; range: readonly number[] | null | undefined } | undefined,
  key: string,
  entryRange: readonly number[] | null | undefined,
  report: Report,
): Located | null {
  if (!field) {
    report(GLOSSARY_RULES.invalidEntry, 'error', `Missing \`${key}\`, expected a non-empty text value`, entryRange);
    return null;
  }
  const node = field.node;
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    report(GLOSSARY_RULES.invalidEntry, 'error', `Unexpected \`${key}\` value, expected a non-empty text value`, field.range);
    return null;
  }
  return { value: node.value.trim(), range: node.range };
}

/** A list of strings; a single string is accepted as a one-item list. Bad items are reported and skipped. */
function readList(field: { node: unknown; range: readonly number[] | null | undefined } | undefined, key: string, report: Report): Located[] {
  if (!field || (isScalar(field.node) && field.node.value === null)) return [];
  const items = isSeq(field.node) ? field.node.items : [field.node];
  const out: Located[] = [];
  for (const node of items) {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') {
      out.push({ value: node.value.trim(), range: node.range });
    } else {
      report(GLOSSARY_RULES.invalidEntry, 'error', `Unexpected \`${key}\` item, expected a non-empty text value`, (node as Node | null)?.range ?? field.range);
    }
  }
  return out;
}

/**
 * Turns drafts into concepts: a later entry whose name (or id) equals an
 * earlier name after normalisation is dropped; an alias already used by
 * another concept (as name or alias) is dropped from the later one; `see`
 * names that match no concept are dropped. Each case is reported.
 */
function dedupe(drafts: Draft[], report: Report, lines: LineCounter): Concept[] {
  const owners = new Map<string, { conceptIndex: number; located: Located; isName: boolean }>();
  const ids = new Map<string, Located>();
  const kept: { draft: Draft; concept: Concept }[] = [];
  const where = (located: Located, message: string): RelatedLocation => ({ file: GLOSSARY_FILE, ...point(span(lines, located.range)), message });

  for (const draft of drafts) {
    const key = phraseKey(draft.name.value);
    const id = conceptId(draft.name.value);
    const first = owners.get(key);
    const firstById = ids.get(id);
    if (first || firstById) {
      const earlier = first?.located ?? firstById!;
      report(
        GLOSSARY_RULES.duplicateName,
        'error',
        `Unexpected duplicate concept "${draft.name.value}", already defined as "${earlier.value}"; merge the entries or rename one`,
        draft.name.range,
        [where(earlier, 'first defined here')],
      );
      continue;
    }
    const conceptIndex = kept.length;
    owners.set(key, { conceptIndex, located: draft.name, isName: true });
    ids.set(id, draft.name);
    const aliases: string[] = [];
    for (const alias of draft.aliases) {
      const aliasKey = phraseKey(alias.value);
      const owner = owners.get(aliasKey);
      if (aliasKey === '') {
        report(GLOSSARY_RULES.invalidEntry, 'error', `Unexpected alias "${alias.value}", expected at least one word`, alias.range);
      } else if (owner && owner.conceptIndex === conceptIndex) {
        report(GLOSSARY_RULES.duplicateAlias, 'warning', `Unexpected alias "${alias.value}", it repeats this concept's name or another alias; remove it`, alias.range);
      } else if (owner) {
        const other = kept[owner.conceptIndex]!.concept.name;
        report(
          GLOSSARY_RULES.duplicateAlias,
          'error',
          `Unexpected alias "${alias.value}", it is already ${owner.isName ? 'the name' : 'an alias'} of "${other}"; an alias must point at one concept`,
          alias.range,
          [where(owner.located, `used by "${other}" here`)],
        );
      } else {
        owners.set(aliasKey, { conceptIndex, located: alias, isName: false });
        aliases.push(alias.value);
      }
    }
    const start = point(span(lines, draft.range));
    kept.push({
      draft,
      concept: { id, name: draft.name.value, aliases, definition: draft.definition, see: [], line: start.line, column: start.column },
    });
  }

  const names = kept.map((k) => k.concept.name);
  for (const { draft, concept } of kept) {
    for (const target of draft.see) {
      const owner = owners.get(phraseKey(target.value)) ?? undefined;
      const byId = kept.findIndex((k) => k.concept.id === target.value);
      const index = owner?.conceptIndex ?? (byId >= 0 ? byId : undefined);
      if (index === undefined) {
        const guess = closestName(target.value, names);
        const suggestion = guess ? `; did you mean "${guess}"?` : '';
        report(GLOSSARY_RULES.unknownSee, 'warning', `Unexpected \`see\` target "${target.value}", expected a concept name in this glossary${suggestion}`, target.range);
      } else if (kept[index]!.concept.id !== concept.id && !concept.see.includes(kept[index]!.concept.name)) {
        concept.see.push(kept[index]!.concept.name); // the canonical name, so consumers need no fuzzy lookup
      }
    }
  }
  return kept.map((k) => k.concept);
}

/** A 1-based span from a yaml node/error range (`[start, valueEnd, nodeEnd]` or `[start, end]`). */
function span(lines: LineCounter, range: readonly number[] | null | undefined) {
  const start = range?.[0] ?? 0;
  const end = range?.[1] ?? start;
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

const point = (s: { line: number; column: number }) => ({ line: s.line, column: s.column });

const firstLine = (message: string): string => message.split('\n')[0] ?? message;
