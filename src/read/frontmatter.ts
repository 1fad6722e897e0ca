/**
 * Front matter: the fence on line 1 is found here (not by a front-matter
 * library), so nothing but plain YAML is ever parsed and nothing is ever run.
 *
 * - `---` alone (trailing blanks allowed) opens YAML, closed by the next
 *   `---` line: the same rule remark-frontmatter applies, so both agree on
 *   where the block ends.
 * - `---js`, `--- coffee`, `---constructor`, … name a language: reported
 *   (problem `language`), never parsed or run.
 * - An opening fence with no closing one is `unterminated` at line 1; only
 *   the fence line is taken, so the body is not swallowed.
 * - A block over `maxFrontmatterBytes`, or nesting brackets deeper than
 *   `MAX_FLOW_DEPTH`, is refused before the YAML parser sees it.
 *
 * YAML itself is parsed by `yaml` (see `yaml-data.ts`).
 */
import type { Config } from '../config.js';
import type { Frontmatter, FrontmatterProblem } from '../types.js';
import { formatBytes } from './failure.js';
import type { LineIndex } from './lines.js';
import { parseYamlMapping } from './yaml-data.js';

/** What `readFrontmatter` found, plus the range the Markdown parser must not see as Markdown. */
export interface FrontmatterResult {
  frontmatter: Frontmatter | null;
  /**
   * Offsets of a block remark-frontmatter will not recognise (another
   * language, or an unterminated fence line): blank it before parsing so it
   * is neither rendered nor mistaken for a heading, keeping every offset.
   */
  mask: { start: number; end: number } | null;
}

const FENCE_BLANKS = /^[ \t]*$/;

/** Finds and reads the front-matter block at the top of a normalised source. */
export function readFrontmatter(source: string, lines: LineIndex, config: Config): FrontmatterResult {
  const firstEnd = lineEnd(source, 0);
  const firstLine = source.slice(0, firstEnd);
  if (!firstLine.startsWith('---') || firstLine[3] === '-') return { frontmatter: null, mask: null };

  const after = firstLine.slice(3);
  const language = FENCE_BLANKS.test(after) ? null : after.trim();
  const close = firstEnd < source.length ? findClosingFence(source, firstEnd + 1) : null;
  const problems: FrontmatterProblem[] = [];
  const fenceSpan = lines.span(0, firstEnd);

  if (language !== null) {
    problems.push({
      kind: 'language',
      message: `front-matter language "${language}" not allowed; use plain --- YAML`,
      ...fenceSpan,
    });
  }
  if (close === null) {
    problems.push({
      kind: 'unterminated',
      message: 'front matter opened on line 1 is never closed; add a line with only --- after the last field',
      ...fenceSpan,
    });
    return { frontmatter: block(0, firstEnd, 1, 1, language, '', problems), mask: { start: 0, end: firstEnd } };
  }

  const rawStart = firstEnd + 1;
  const raw = source.slice(rawStart, Math.max(rawStart, close.start - 1));
  const endLine = lines.point(close.start).line;
  const frontmatter = block(0, close.end, 1, endLine, language, raw, problems);
  if (language !== null) return { frontmatter, mask: { start: 0, end: close.end } };

  const size = Buffer.byteLength(raw, 'utf8');
  if (size > config.maxFrontmatterBytes) {
    problems.push({
      kind: 'too-large',
      message: `front matter is ${formatBytes(size)}, over the ${formatBytes(config.maxFrontmatterBytes)} limit (maxFrontmatterBytes); move long text into the body`,
      ...fenceSpan,
    });
    return { frontmatter, mask: null };
  }

  const parsed = parseYamlMapping(raw, rawStart, lines);
  frontmatter.data = parsed.data;
  frontmatter.fields = parsed.fields;
  frontmatter.keyOrder = parsed.keyOrder;
  problems.push(...parsed.problems);
  return { frontmatter, mask: null };
}

function block(
  start: number,
  end: number,
  startLine: number,
  endLine: number,
  language: string | null,
  raw: string,
  problems: FrontmatterProblem[],
): Frontmatter {
  return {
    startLine,
    endLine,
    start,
    end,
    language,
    raw,
    data: null,
    fields: Object.create(null) as Frontmatter['fields'],
    keyOrder: [],
    problems,
  };
}

/** End offset (exclusive, before the `\n`) of the line starting at `from`. */
function lineEnd(source: string, from: number): number {
  const i = source.indexOf('\n', from);
  return i === -1 ? source.length : i;
}

/** The first line from `from` on that is `---` plus optional blanks (one linear pass). */
function findClosingFence(source: string, from: number): { start: number; end: number } | null {
  for (let start = from; start <= source.length; ) {
    const end = lineEnd(source, start);
    if (source.startsWith('---', start) && FENCE_BLANKS.test(source.slice(start + 3, end))) return { start, end };
    if (end === source.length) return null;
    start = end + 1;
  }
  return null;
}
