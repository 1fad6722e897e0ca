/**
 * Writes a note's front matter with the `yaml` package, never by pasting
 * values into a string: a title like `Hello\nauthor: mallory\n---` or `yes`
 * or `2020-01-01` comes back from the reader as exactly the given string.
 */
import { Document, parse, visit } from 'yaml';

/** A front-matter value we write: text, a whole number, a list of text, or (`relations:`) names to lists of text. */
export type FrontmatterValue = string | number | string[] | Map<string, string[]>;

/** Keys in the order they are written (the order the template or caller gives). */
export type FrontmatterEntries = readonly (readonly [key: string, value: FrontmatterValue])[];

/**
 * The front-matter block, fences included and ending in a newline:
 * `---\ntitle: …\n---\n`. Strings are double-quoted whenever a YAML 1.2 or a
 * YAML 1.1 reader (PyYAML, older tools) would read them as anything but that
 * string (`yes`, `NO`, `0o17`, `1_000`, `12:30`); never folded; never block
 * scalars, so a value's `---` line can never look like a closing fence.
 */
export function emitFrontmatter(entries: FrontmatterEntries): string {
  // A Map keeps the given order and has no prototype for a `__proto__` key to reach.
  const doc = new Document(new Map(entries));
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsDifferently(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const yaml = doc.toString({ lineWidth: 0, blockQuote: false, doubleQuotedAsJSON: true, indentSeq: true });
  return `---\n${yaml}---\n`;
}

/** True when the plain scalar `value` would not read back as the same string in YAML 1.1 or 1.2. */
function readsDifferently(value: string): boolean {
  for (const version of ['1.1', '1.2'] as const) {
    try {
      if (parse(value, { version, logLevel: 'silent' }) !== value) return true;
    } catch {
      return true;
    }
  }
  return false;
}
