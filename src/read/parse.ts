/**
 * One file's bytes → a `WholeNote` (head and body), or a `ReadFailure` saying why not. Pure and
 * synchronous, so it runs the same inline or in a worker (`pool.ts`).
 *
 * The Markdown parser sees the FULL normalised source (front matter
 * included, as a `yaml` node), so every position is the file's own. A
 * front-matter block remark-frontmatter would not recognise (`---js`, an
 * unclosed fence) is blanked first, keeping offsets, so its text is never
 * taken for Markdown. A stack overflow in the parser (2,000 nested `>`)
 * becomes a per-file failure; the run goes on.
 */
import type { Root } from 'mdast';
import { type Config, defaultConfig } from '../config.js';
import type { ReadFailure, WholeNote } from '../types.js';
import { hashBytes, isReadFailure, noteIdOf } from './identity.js';
import { decode } from './decode.js';
import { readFailure } from './failure.js';
import { readFrontmatter } from './frontmatter.js';
import { LineIndex, pointSpan } from './lines.js';
import { parseMarkdown } from './markdown.js';
import { codeRegions } from './code-regions.js';
import { proseWords } from './prose-words.js';
import { noteMeta } from './meta.js';
import { readBodyParts } from './model.js';
import { countWords, joinBlocks } from './plain-text.js';
import { rankingTermBag } from './ranking-text.js';
import { readSections, readSummary } from './sections.js';

export { markdownProcessor } from './markdown.js';

export { hashBytes, isReadFailure, noteIdOf } from './identity.js';

/**
 * Reads one note. `path` is library-relative and `/`-separated. Never throws
 * for any input bytes: every problem becomes a ReadFailure with a position.
 */
export function parseNote(input: { path: string; bytes: Uint8Array }, config: Config): WholeNote | ReadFailure {
  const { path, bytes } = input;
  const decoded = decode(bytes, config.maxFileBytes);
  if (!decoded.ok) return readFailure(path, decoded.ruleId, decoded.message, pointSpan(decoded.line, decoded.column));
  try {
    return buildNote(path, bytes, decoded.text, decoded.eol, decoded.hadBom, config);
  } catch (error) {
    if (error instanceof RangeError) {
      return readFailure(path, 'file-parse-overflow', 'too deeply nested to parse (the Markdown parser ran out of stack); flatten nested quotes or lists');
    }
    const message = error instanceof Error ? error.message : String(error);
    return readFailure(path, 'file-parse-error', `could not be parsed (${message}); simplify the Markdown around the failing construct`);
  }
}

/**
 * Deepest syntax tree a note may have. Later stages (linking, rendering,
 * structured clone between threads) recurse over the tree, so a tree that
 * parses is refused here, once, rather than overflowing the stack there.
 * Real notes nest a few levels; 2,000 nested `>` nest 2,000.
 */
export const MAX_TREE_DEPTH = 500;

/** True when `tree` nests deeper than `limit` (iterative: the check itself cannot overflow). */
export function treeDepthExceeds(tree: Root, limit: number): boolean {
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of node.children ?? []) {
      if (typeof child === 'object' && child !== null && 'children' in child) stack.push([child as { children?: unknown[] }, depth + 1]);
    }
  }
  return false;
}

/** Test and tooling convenience: a whole note from text; throws if it would be a ReadFailure. */
export function noteFromText(path: string, text: string, config: Config = defaultConfig): WholeNote {
  const result = parseNote({ path, bytes: new TextEncoder().encode(text) }, config);
  if (isReadFailure(result)) throw new Error(`${path}: ${result.diagnostic.message}`);
  return result;
}

function buildNote(path: string, bytes: Uint8Array, source: string, eol: WholeNote['eol'], hadBom: boolean, config: Config): WholeNote {
  const lines = new LineIndex(source);
  const { frontmatter, mask } = readFrontmatter(source, lines, config);
  const parseable = mask ? blank(source, mask.start, mask.end) : source;
  const tree = parseMarkdown(parseable);
  if (treeDepthExceeds(tree, MAX_TREE_DEPTH)) throw new RangeError('tree too deep');
  const body = tree.children.filter((node) => node.type !== 'yaml');
  const text = joinBlocks(body);
  const meta = noteMeta(frontmatter?.data ?? null, frontmatter?.fields);
  const summary = readSummary(body);
  const sections = readSections(body, config.sections);
  const bodyParts = readBodyParts(tree, source, lines);
  return {
    id: noteIdOf(path),
    path,
    hash: hashBytes(bytes),
    bytes: bytes.length,
    source,
    eol,
    hadBom,
    frontmatter,
    meta,
    summary,
    sections,
    ...bodyParts,
    text,
    wordCount: countWords(text),
    termBag: rankingTermBag({ meta, summary, sections }),
    prose: proseWords({ source, tree, wikilinks: bodyParts.wikilinks }),
    code: codeRegions(tree),
    tree,
  };
}

/** Replaces source[start, end) by spaces, keeping line breaks, so offsets and lines stay true. */
function blank(source: string, start: number, end: number): string {
  return source.slice(0, start) + source.slice(start, end).replace(/[^\n]/g, ' ') + source.slice(end);
}
