/**
 * YAML text → plain data, with YAML 1.2 core semantics and nothing clever:
 * `2020-01-01`, `NO`, `yes` and `1:30` stay strings, `012345` is the decimal
 * 12345 (never the octal 5349), no `Date`s, no merge keys, no custom tags.
 *
 * Anchors and aliases are refused by walking the syntax tree BEFORE any
 * conversion to JavaScript values, so an alias bomb costs milliseconds.
 * Mappings become null-prototype objects whose keys are defined as own
 * properties, so `__proto__` or `constructor` are just keys.
 */
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import type { FieldPosition, Frontmatter, FrontmatterProblem, FrontmatterProblemKind } from '../types.js';
import type { LineIndex } from './lines.js';
import { defineKey } from './null-prototype.js';

export { defineKey, nullPrototypeDeep } from './null-prototype.js';

/**
 * Deeper bracket nesting is refused before parsing: `yaml` recurses per
 * level, and some 20,000 levels of `[` or `- ` (well under the 64 KB cap)
 * abort the whole process (V8 "RegExpCompiler Allocation failed"), which no
 * try/catch or worker can contain.
 */
export const MAX_FLOW_DEPTH = 100;

/** Longest run of indentation and block indicators (`- `, `? `, `: `) a line may start with; bounds block nesting. */
export const MAX_LINE_NESTING = 400;

/** How many YAML syntax errors one block reports (the first ones; later ones are usually echoes). */
const MAX_ERRORS = 5;

/** The parser options: YAML 1.2 core schema, unique keys, no merge keys, no YAML 1.1 tags. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  resolveKnownTags: false,
  stringKeys: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

/** What a YAML block yields. `data` is null when it is unusable. */
export interface YamlMapping {
  data: Record<string, unknown> | null;
  fields: Frontmatter['fields'];
  keyOrder: string[];
  problems: FrontmatterProblem[];
}

/**
 * Parses `raw` (which starts at offset `rawStart` in the file) as a YAML
 * mapping. Duplicate keys keep their first value (documented; the
 * duplicate-key problem is an error either way).
 */
export function parseYamlMapping(raw: string, rawStart: number, lines: LineIndex): YamlMapping {
  const result: YamlMapping = { data: null, fields: Object.create(null) as Frontmatter['fields'], keyOrder: [], problems: [] };
  const problem = (kind: FrontmatterProblemKind, message: string, start: number, end: number): void => {
    result.problems.push({ kind, message, ...lines.span(rawStart + start, rawStart + end) });
  };

  const nesting = findExcessiveNesting(raw);
  if (nesting) {
    problem('yaml', `front matter ${nesting.message}`, nesting.offset, nesting.offset + 1);
    return result;
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(raw, YAML_OPTIONS);
  } catch (error) {
    problem('yaml', `front matter could not be parsed (${(error as Error).message}); simplify it`, 0, 0);
    return result;
  }

  for (const error of doc.errors.slice(0, MAX_ERRORS)) {
    const [start, end] = error.pos;
    if (error.code === 'DUPLICATE_KEY') {
      const key = scalarAt(doc.contents, start);
      const keyEnd = key?.range?.[1] ?? end;
      problem('duplicate-key', `duplicate key "${String(key?.value ?? raw.slice(start, end))}" in front matter; keep only one (the first is used)`, start, keyEnd);
    } else if (error.code === 'BAD_ALIAS' || error.code === 'ALIAS_PROPS') {
      problem('alias', aliasMessage, start, end);
    } else {
      problem('yaml', `invalid YAML: ${error.message}`, start, end);
    }
  }

  const alias = findAnchorOrAlias(doc.contents);
  if (alias && !result.problems.some((p) => p.kind === 'alias')) problem('alias', aliasMessage, alias[0], alias[1]);
  if (result.problems.some((p) => p.kind === 'yaml' || p.kind === 'alias')) return result;

  const contents = doc.contents;
  if (contents === null) {
    result.data = Object.create(null) as Record<string, unknown>;
    return result;
  }
  if (!isMap(contents)) {
    const what = isSeq(contents) ? 'a list' : 'a single value';
    const [start, end] = contents.range ?? [0, raw.length];
    problem('not-mapping', `front matter is ${what}; it must be a mapping of "key: value" lines`, start, end);
    return result;
  }

  const data = Object.create(null) as Record<string, unknown>;
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue; // stringKeys already reported it as a YAML error
    const key = String(pair.key.value);
    if (Object.prototype.hasOwnProperty.call(data, key)) continue;
    defineKey(data, key, toPlain(pair.value));
    result.keyOrder.push(key);
    defineKey(result.fields, key, fieldPosition(pair.key, pair.value, rawStart, lines, 1));
  }
  result.data = data;
  return result;
}

/**
 * Where a key and its value sit; for a list value each item's position (a
 * scalar under a nested key counts as a list of one), and for a mapping value (`depth` levels down) each of its keys' positions, so
 * rules can point at one item of `relations:` rather than at the field.
 */
function fieldPosition(keyNode: Scalar, value: unknown, rawStart: number, lines: LineIndex, depth: number): FieldPosition {
  const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
  const valueNode = isNode(value) ? value : null;
  const [valueStart, valueEnd] = valueNode?.range ?? [keyEnd, keyEnd];
  const position: FieldPosition = {
    key: lines.span(rawStart + keyStart, rawStart + keyEnd),
    value: lines.span(rawStart + valueStart, rawStart + valueEnd),
  };
  const item = (node: unknown) => {
    const [start, end] = (isNode(node) ? node.range : null) ?? [valueStart, valueStart];
    return { ...lines.span(rawStart + start, rawStart + end), start: rawStart + start, end: rawStart + end };
  };
  if (isSeq(value)) position.items = value.items.map(item);
  else if (isScalar(value) && depth === 0) position.items = [item(value)]; // `responds-to: one-note`: a list of one
  else if (isMap(value) && depth > 0) {
    const entries = Object.create(null) as Record<string, FieldPosition>;
    for (const pair of value.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!Object.prototype.hasOwnProperty.call(entries, name)) defineKey(entries, name, fieldPosition(pair.key, pair.value, rawStart, lines, depth - 1));
    }
    position.entries = entries;
  }
  return position;
}

const aliasMessage = 'YAML anchors and aliases (&name, *name) are not allowed in front matter; write each value out';

/** The offset of the first bracket past `MAX_FLOW_DEPTH` (counted crudely, quotes ignored), or -1. */
function flowDepthExceeded(raw: string): number {
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

/** Every node under `root`, depth first, iteratively (deep trees cannot overflow the stack here). */
function* nodes(root: unknown): Generator<unknown> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    yield node;
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/**
 * YAML nested too deeply to hand to the `yaml` parser safely (see
 * `MAX_FLOW_DEPTH`), or null. Exported so every YAML reader (the glossary
 * too) can run the same check first.
 */
export function findExcessiveNesting(raw: string): { offset: number; message: string } | null {
  const deep = flowDepthExceeded(raw);
  if (deep !== -1) return { offset: deep, message: `nests lists or maps more than ${MAX_FLOW_DEPTH} levels deep; flatten it` };
  const indented = blockNestingExceeded(raw);
  if (indented !== -1) return { offset: indented, message: `is indented or nested more than ${MAX_LINE_NESTING} columns deep; flatten it` };
  return null;
}

/** Offset of the first line whose leading whitespace and block indicators exceed `MAX_LINE_NESTING`, or -1. */
function blockNestingExceeded(raw: string): number {
  let run = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a) run = 0;
    else if (run >= 0 && (c === 0x20 || c === 0x09 || c === 0x2d || c === 0x3f || c === 0x3a)) {
      if (++run > MAX_LINE_NESTING) return i - run + 1;
    } else run = -1; // past the line's prefix: ignore the rest of the line
  }
  return -1;
}

/** Range of the first anchor or alias (no alias is ever resolved). */
function findAnchorOrAlias(root: unknown): [number, number] | null {
  for (const node of nodes(root)) {
    if (isAlias(node) || (isNode(node) && node.anchor)) {
      const range = (node as { range?: [number, number, number] | null }).range;
      return [range?.[0] ?? 0, range?.[1] ?? 0];
    }
  }
  return null;
}

/** The scalar whose source starts at `offset` (a duplicate key named by an error). */
function scalarAt(root: unknown, offset: number): Scalar | null {
  for (const node of nodes(root)) if (isScalar(node) && node.range?.[0] === offset) return node;
  return null;
}

/** YAML node → plain value: scalars as parsed, lists as arrays, maps as null-prototype objects. */
function toPlain(node: unknown): unknown {
  if (!isNode(node)) return null;
  if (isScalar(node)) return scalarValue(node.value);
  if (isSeq(node)) return node.items.map((item) => toPlain(item));
  if (isMap(node)) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!Object.prototype.hasOwnProperty.call(out, key)) defineKey(out, key, toPlain(pair.value));
    }
    return out;
  }
  return null;
}

/** Only JSON-like scalars leave the reader (unknown tags resolve to their string). */
function scalarValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return value === undefined ? null : String(value);
}
