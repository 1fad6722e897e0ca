import { describeValue, isNonEmptyString, isStringList } from '../describe.js';
import { exampleNote, EXAMPLE_FRONTMATTER } from '../example-note.js';
import { KINDS } from '../fields.js';
import { frontmatterData } from '../frontmatter-problem.js';
import { defineRule } from '../rule.js';
import { didYouMean } from '../suggest.js';
import type { Config } from '../../config.js';

/** Returns what is wrong with a field's value ('' when it is fine). */
type FieldCheck = (value: unknown, config: Config) => string;

const validUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

const string: FieldCheck = (v) => (isNonEmptyString(v) ? '' : `expected a string, found ${describeValue(v)}`);
const stringList: FieldCheck = (v) =>
  isStringList(v)
    ? ''
    : typeof v === 'string'
      ? `expected a list of strings, found a single string; write [${JSON.stringify(v)}]`
      : `expected a list of strings, found ${Array.isArray(v) ? 'a list with an item that is not a string' : describeValue(v)}`;

const checks: Record<string, FieldCheck> = {
  title: string,
  venue: string,
  author: (v) =>
    isNonEmptyString(v) || (isStringList(v) && v.length > 0) ? '' : `expected a string or a list of strings, found ${describeValue(v)}`,
  year: (v, config) => {
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return `expected an integer, found ${describeValue(v)}; remove the quotes`;
    if (!Number.isInteger(v)) return `expected an integer year, found ${describeValue(v)}`;
    const year = v as number;
    return year < config.minYear || year > config.maxYear
      ? `expected a year from ${config.minYear} to ${config.maxYear} (minYear..maxYear), found ${year}`
      : '';
  },
  source: (v) =>
    typeof v === 'string' && validUrl(v.trim()) ? '' : `expected an http(s) URL such as https://example.com/essay, found ${describeValue(v)}`,
  kind: (v) =>
    typeof v === 'string' && (KINDS as readonly string[]).includes(v)
      ? ''
      : `expected one of ${KINDS.join(', ')}, found ${describeValue(v)}${typeof v === 'string' ? didYouMean(v, KINDS) : ''}`,
  tags: stringList,
  concepts: stringList,
  aliases: stringList,
  relations: (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      return `expected a mapping of relation → notes, such as "builds-on: [Conway's paper]", found ${describeValue(v)}`;
    }
    for (const [name, targets] of Object.entries(v as Record<string, unknown>)) {
      if (!isNonEmptyString(targets) && !isStringList(targets)) return `"${name}" must name a note or a list of notes, found ${describeValue(targets)}`;
    }
    return '';
  },
};

/** Each known field has the right type, reported at the field's own line. */
export default defineRule({
  id: 'field-type',
  description: 'Known front-matter fields must have the right type: `year` a plausible integer, `source` an http(s) URL, lists are lists of strings, `relations` maps names to notes.',
  severity: 'error',
  scope: 'note',
  examples: {
    ok: [exampleNote(), exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\ntags: [leadership, org-design]\naliases: []` })],
    notOk: [
      exampleNote({ frontmatter: 'title: A\nauthor: B\nyear: twenty twenty\nsource: https://example.com/a' }),
      exampleNote({ frontmatter: 'title: A\nauthor: B\nyear: 2020\nsource: ftp://example.com/a' }),
      exampleNote({ frontmatter: 'title: A\nauthor: B\nyear: 20200\nsource: https://example.com/a' }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\ntags: leadership` }),
      exampleNote({ frontmatter: 'title: [A, B]\nauthor: B\nyear: 2020\nsource: https://example.com/a' }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nrelations: [example]` }),
      exampleNote({ frontmatter: `${EXAMPLE_FRONTMATTER}\nrelations:\n  builds-on: { note: example }` }),
    ],
  },
  check(note, report, ctx) {
    const data = frontmatterData(note);
    const frontmatter = note.frontmatter;
    if (data === null || frontmatter === null) return;
    for (const key of frontmatter.keyOrder) {
      const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
      const value = data[key];
      // Absent or empty values are required-field's business.
      if (!check || value === null || value === undefined || value === '') continue;
      const problem = check(value, ctx.config);
      if (problem === '') continue;
      const field = frontmatter.fields[key];
      report({
        message: `Field "${key}": ${problem}`,
        line: field?.value.line ?? frontmatter.startLine,
        column: field?.value.column ?? 1,
        endLine: field?.value.endLine,
        endColumn: field?.value.endColumn,
      });
    }
  },
});
