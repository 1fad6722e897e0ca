/**
 * Reads a plain-text note in the seed's shape (see `../shared/seeds/`):
 *
 * ```text
 * Library · essay                      optional; gives `kind` (default essay)
 *
 * Amazon's Single-Threaded Model       the title: the first other line
 *
 * Pedro Gallego                        the author line
 * 2020·Personal blog                   year and venue: `·` `•` `-` `–` `—` `|` `,`
 *                                      with or without spaces; or the year alone
 * Source: https://…                    `Source:` (any case) and an http(s) URL
 *
 * Summary paragraphs…                  everything up to the first section line
 *
 * Central argument                     a line that is only a configured section
 * Section paragraphs…                  name (any case, optional trailing `:`)
 * ```
 *
 * Decisions: the author line names several authors when split by `,`, `&`,
 * `;` or the word `and` (then `author` is a list; so "Gallego, Pedro" would
 * read as two, write it "Pedro Gallego"). The author line comes right after
 * the title; the year and source lines follow in either order, until a line
 * that is neither. A section heading whose config allows a suffix ("Why it matters
 * for product") keeps the suffix as written; the configured part is written
 * in its canonical spelling. Such a suffixed line counts as a heading only on
 * a line of its own, at most 80 characters, not ending in `.`, so a summary
 * sentence that starts with the same words stays text. Nothing is dropped:
 * every paragraph lands in the summary or a section.
 */
import type { Config, SectionSpec } from '../config.js';
import { FieldError, parseKind, parseSource, parseYear, type NoteFields } from '../scaffold/fields.js';
import type { MarkdownSection } from '../scaffold/markdown.js';

/** A plain-text note, understood. */
export interface PlainNote {
  fields: NoteFields;
  summary: string[];
  sections: MarkdownSection[];
}

/** The note, or every reason the text does not fit the shape (each naming a line where it can). */
export type PlainParse = { ok: true; note: PlainNote } | { ok: false; problems: string[] };

interface Line {
  text: string;
  /** 1-based line number in the file. */
  number: number;
}

const HEADER = /^library\s*[·•|,:\-–—]\s*([A-Za-z]+)$/i;
const YEAR_VENUE = /^([0-9]{4})(?:\s*[·•|,\-–—]\s*(\S.*))?$/;
const SOURCE = /^source\s*:\s*(.*)$/i;
const MAX_SUFFIXED_HEADING = 80;

/** Parses `text` (LF line endings) against the configured sections. */
export function parsePlainText(text: string, config: Config): PlainParse {
  const lines: Line[] = text.split('\n').map((t, i) => ({ text: t.trim(), number: i + 1 }));
  const problems: string[] = [];
  let at = skipBlank(lines, 0);

  let kind = 'essay';
  const header = HEADER.exec(lines[at]?.text ?? '');
  if (header) {
    try {
      kind = parseKind(header[1] ?? '');
    } catch (error) {
      problems.push(`line ${lines[at]?.number}: ${(error as Error).message}`);
    }
    at = skipBlank(lines, at + 1);
  }

  const titleLine = lines[at];
  if (!titleLine || sectionHeading(titleLine.text, config.sections, true) !== null) {
    return { ok: false, problems: ['no title: expected the title on the first line (after an optional "Library · essay" line)'] };
  }
  at = skipBlank(lines, at + 1);

  const meta = readMetadata(lines, at, config, problems);
  at = meta.next;
  const body = paragraphs(lines, at);

  const summary: string[] = [];
  const sections: MarkdownSection[] = [];
  for (const paragraph of body) {
    const [first, ...rest] = paragraph;
    const alone = rest.length === 0;
    const heading = first ? sectionHeading(first.text, config.sections, alone) : null;
    if (heading !== null) {
      sections.push({ heading, paragraphs: rest.length > 0 ? [joinLines(rest)] : [] });
    } else if (sections.length > 0) {
      sections[sections.length - 1]?.paragraphs.push(joinLines(paragraph));
    } else {
      summary.push(joinLines(paragraph));
    }
  }

  if (meta.authors.length === 0) problems.push('no author line: expected the author(s) on the line after the title');
  if (meta.year === null && !meta.yearReported) problems.push('no year line: expected e.g. "2020 · Personal blog" after the author');
  if (meta.source === null && !meta.sourceReported) problems.push('no source line: expected "Source: https://…"');
  if (sections.length === 0) {
    problems.push(`no section lines: expected lines that are only ${config.sections.map((s) => `"${s.heading}"`).join(', ')}`);
  } else {
    const missing = config.sections.filter((spec) => !sections.some((s) => matchesSpec(s.heading, spec)));
    if (missing.length > 0) problems.push(`missing section line(s): ${missing.map((s) => `"${s.heading}"`).join(', ')}`);
    if (summary.length === 0) problems.push('no summary: expected at least one paragraph between the source line and the first section');
  }
  if (problems.length > 0 || meta.year === null || meta.source === null) return { ok: false, problems };

  const fields: NoteFields = {
    title: titleLine.text,
    authors: meta.authors,
    year: meta.year,
    source: meta.source,
    venue: meta.venue,
    kind,
    tags: [],
    concepts: [],
  };
  return { ok: true, note: { fields, summary, sections } };
}

/** `A, B & C and D` → four authors; one name stays one. */
export function splitAuthors(line: string): string[] {
  return line
    .split(/[,&;]/)
    .flatMap((part) => part.split(/\sand\s/))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

interface Metadata {
  authors: string[];
  year: number | null;
  venue: string | null;
  source: string | null;
  yearReported: boolean;
  sourceReported: boolean;
  next: number;
}

function readMetadata(lines: Line[], start: number, config: Config, problems: string[]): Metadata {
  const meta: Metadata = { authors: [], year: null, venue: null, source: null, yearReported: false, sourceReported: false, next: start };
  let at = start;
  for (;;) {
    const line = lines[at];
    if (!line) break;
    const source = SOURCE.exec(line.text);
    const yearVenue = YEAR_VENUE.exec(line.text);
    if (source && meta.source === null && !meta.sourceReported) {
      try {
        meta.source = parseSource(source[1] ?? '');
      } catch (error) {
        meta.sourceReported = true;
        problems.push(`line ${line.number}: ${(error as FieldError).message}`);
      }
    } else if (yearVenue && meta.year === null && !meta.yearReported) {
      try {
        meta.year = parseYear(yearVenue[1] ?? '', config);
      } catch (error) {
        meta.yearReported = true;
        problems.push(`line ${line.number}: ${(error as FieldError).message}`);
      }
      meta.venue = yearVenue[2]?.trim() || null;
    } else if (at === start && sectionHeading(line.text, config.sections, true) === null) {
      // The author line is the one right after the title; later, an unknown line ends the metadata.
      meta.authors = splitAuthors(line.text);
    } else {
      break;
    }
    at = skipBlank(lines, at + 1);
  }
  meta.next = at;
  return meta;
}

/** Groups the lines from `start` into paragraphs: runs of non-blank lines. */
function paragraphs(lines: Line[], start: number): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines.slice(start)) {
    if (line.text === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * The heading to write when `text` is a section line, else null. `alone`:
 * the line is a paragraph by itself (only then may a suffix follow the name).
 */
function sectionHeading(text: string, specs: readonly SectionSpec[], alone: boolean): string | null {
  const line = text.replace(/^#+\s*/, '').replace(/:$/, '').trim();
  const folded = line.toLowerCase();
  for (const spec of specs) {
    const name = spec.heading.toLowerCase();
    if (folded === name) return spec.heading;
    const suffixed = spec.allowSuffix && alone && folded.startsWith(`${name} `) && line.length <= MAX_SUFFIXED_HEADING && !line.endsWith('.');
    if (suffixed) return spec.heading + line.slice(name.length);
  }
  return null;
}

function matchesSpec(heading: string, spec: SectionSpec): boolean {
  return heading === spec.heading || (spec.allowSuffix && heading.startsWith(`${spec.heading} `));
}

function skipBlank(lines: Line[], from: number): number {
  let at = from;
  while (lines[at]?.text === '') at++;
  return at;
}

function joinLines(paragraph: Line[]): string {
  return paragraph.map((l) => l.text).join('\n');
}
