/**
 * Markdown → mdast: CommonMark + GFM + YAML front matter, exactly as
 * `unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)`
 * parses it, but without paying for GFM constructs a note cannot contain.
 *
 * GFM's tables, strikethrough and literal autolinks roughly double
 * micromark's time on a typical note, because their tokenizers are tried at
 * every line start, `~` run or word. They only ever match where their
 * trigger characters are, so:
 * - no `|` anywhere in the text: no table can exist, skip the table syntax;
 * - no `~`: no strikethrough, skip it;
 * - literal autolinks (`www.`, `http(s):`, e-mail `@`) can only start in
 *   text, so the note is parsed without them (syntax and tree transform)
 *   first, and parsed again with them only if a text node holds one of those
 *   triggers (link destinations and code do not count, which is why a plain
 *   scan of the file would not do).
 * A construct that is not there produces no tokens, and a failed attempt
 * leaves no trace in micromark, so every tree is the one full GFM gives
 * (tested against it on the CommonMark and GFM examples, the bundled library
 * and generated input).
 */
import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/** The reference processor: full GFM, always. */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Which GFM syntax extensions a parse needs. */
interface Needs {
  autolink: boolean;
  strikethrough: boolean;
  table: boolean;
}

type Parser = Processor<Root>;
const parsers = new Map<string, Parser>();

/** The processor for one combination of needs, built on first use (same extension order as remark-gfm). */
function parserFor(needs: Needs): Parser {
  const key = `${+needs.autolink}${+needs.strikethrough}${+needs.table}`;
  let parser = parsers.get(key);
  if (!parser) {
    const syntax = [
      ...(needs.autolink ? [gfmAutolinkLiteral()] : []),
      gfmFootnote(),
      ...(needs.strikethrough ? [gfmStrikethrough()] : []),
      ...(needs.table ? [gfmTable()] : []),
      gfmTaskListItem(),
    ];
    parser = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(function gfmSubset(this: Processor) {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...syntax);
        (data.fromMarkdownExtensions ??= []).push(needs.autolink ? gfmFromMarkdown() : gfmFromMarkdown().map(withoutTransforms));
      })
      .freeze() as unknown as Parser;
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * A from-markdown extension without its tree transforms. Only the literal
 * autolink one has any: it turns `www.`/URL/e-mail text into links after
 * parsing, which would hide the very triggers the first parse looks for.
 */
const withoutTransforms = <T extends { transforms?: unknown }>(extension: T): T => ({ ...extension, transforms: [] });

/** What a literal autolink needs in a text node (case-insensitive, as GFM matches them). */
const AUTOLINK_TRIGGER = /@|www\.|https?:/i;

/** True when some text node of `tree` holds a possible literal autolink start. */
function textMayAutolink(tree: Root): boolean {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; value?: unknown; children?: unknown[] };
    if (node.type === 'text' && typeof node.value === 'string' && AUTOLINK_TRIGGER.test(node.value)) return true;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Parses `text` as full GFM would (see the module comment for how it skips work). */
export function parseMarkdown(text: string): Root {
  const needs = { autolink: false, strikethrough: text.includes('~'), table: text.includes('|') };
  const tree = parserFor(needs).parse(text);
  return textMayAutolink(tree) ? parserFor({ ...needs, autolink: true }).parse(text) : tree;
}
