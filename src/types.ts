/**
 * The shared vocabulary of the pipeline. Every stage receives and returns
 * these plain, JSON-serialisable shapes (so they can cross worker threads and
 * live in the cache); no stage reaches into another stage's internals.
 *
 * Conventions, everywhere:
 * - lines and columns are 1-based, as in vfile-message and ESLint;
 * - offsets are 0-based UTF-16 indices into the note's source (`NoteBody.source`);
 * - paths are relative to the library root and `/`-separated;
 * - every list that reaches an output is sorted by code point with full
 *   tie-breakers (see `compareCodePoints` in `src/util/sort.ts`).
 */
import type { Root } from 'mdast';
import type { TermBag } from './link/text/term-bag.js';

/** A note's identity: its file name without `.md` (so files may be named freely). */
export type NoteId = string & { readonly __brand: 'NoteId' };

/** A concept's identity: the slug of its glossary name. */
export type ConceptId = string & { readonly __brand: 'ConceptId' };

export type Severity = 'error' | 'warning' | 'info';

/** A point or range in a file (1-based). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A safe, mechanical edit: replace `source.slice(start, end)` with `text`. */
export interface Fix {
  /** 0-based offsets into `Note.source` (the normalised text). */
  start: number;
  end: number;
  text: string;
}

/** A location a diagnostic points at besides its own (the first duplicate, say). */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One finding, shaped like a vfile-message. Stages collect these and go on. */
export interface Diagnostic extends Span {
  ruleId: string;
  severity: Severity;
  /** "Unexpected X, expected Y" style; says how to fix it where it can. */
  message: string;
  /** Path relative to the library root (`/`-separated), or as given for files outside it. */
  file: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

/** What went wrong in a front-matter block, as read (the check stage judges it). */
export type FrontmatterProblemKind =
  | 'missing' // no front matter at all
  | 'unterminated' // opening fence never closed
  | 'language' // `---js`, `---coffee`, `--- toString`: anything but YAML
  | 'too-large' // over `config.maxFrontmatterBytes`, refused before parsing
  | 'yaml' // a YAML syntax error
  | 'alias' // an anchor or alias (refused: alias bombs)
  | 'duplicate-key'
  | 'not-mapping'; // a scalar or a list instead of a mapping

export interface FrontmatterProblem extends Span {
  kind: FrontmatterProblemKind;
  message: string;
}

/** Where one item of a front-matter list sits: its span and its offsets in `Note.source` (for fixes). */
export interface ItemPosition extends Span {
  start: number;
  end: number;
}

/** Where one front-matter key and its value sit in the file. */
export interface FieldPosition {
  key: Span;
  value: Span;
  /** For a list value: each item's position, in order (a single scalar one level down counts as one item). */
  items?: ItemPosition[];
  /** For a mapping value (`relations:`): each key's position, one level down, in source order. */
  entries?: Record<string, FieldPosition>;
}

/** The front-matter block as read. `data` holds YAML 1.2 core values only. */
export interface Frontmatter {
  /** Line of the opening fence (1 unless something precedes it). */
  startLine: number;
  /** Line of the closing fence; equals startLine when unterminated. */
  endLine: number;
  /** Offsets of the whole block, fences included, in `Note.source`. */
  start: number;
  end: number;
  /** The language named after the opening fence (`js` in `---js`), or null for plain `---`. */
  language: string | null;
  /** The YAML text between the fences. */
  raw: string;
  /** The parsed mapping (null-prototype free of `__proto__` tricks), or null when unusable. */
  data: Record<string, unknown> | null;
  /** Top-level key → its position, in source order. */
  fields: Record<string, FieldPosition>;
  /** Top-level keys in source order (for key-order checks and fixes). */
  keyOrder: string[];
  problems: FrontmatterProblem[];
}

/** The typed view of the known front-matter fields; absent or ill-typed ones are undefined. */
export interface NoteMeta {
  title?: string;
  authors: string[];
  year?: number;
  source?: string;
  venue?: string;
  kind: string;
  tags: string[];
  concepts: string[];
  aliases: string[];
  /** `relations:` as written, one entry per target, in source order (types and targets unchecked). */
  relations: RelationEntry[];
}

/**
 * One item under `relations:` (`responds-to: [Conway's paper]`) as written:
 * the relation's name, the target note as written (id, title or alias),
 * the target item's position (the span) and offsets, and the name's position.
 */
export interface RelationEntry extends ItemPosition {
  type: string;
  target: string;
  typeSpan: Span;
}

/** A `##` section (any heading, required or not). */
export interface Section extends Span {
  /** The heading's plain text, as written. */
  heading: string;
  /**
   * The heading's text as mdast-util-to-string gives it (inline HTML and alt
   * text included, untrimmed), as the handbook titles the section: its
   * anchor is made from this, so anchors need no syntax tree.
   */
  title: string;
  /** Heading depth (2 for `##`). */
  depth: number;
  /** The configured section it matched (`centralArgument`), or null for other headings. */
  key: string | null;
  /** Offsets of the heading line itself in `Note.source`. */
  headingStart: number;
  headingEnd: number;
  /** Body plain text (paragraphs joined by a blank line), heading excluded. */
  text: string;
  wordCount: number;
  /** First and last line of the body (0 when the body is empty). */
  bodyLine: number;
  bodyEndLine: number;
}

/** The summary: everything between the front matter and the first heading. */
export interface Summary extends Span {
  text: string;
  wordCount: number;
}

/** `[[target]]` or `[[target|label]]` or `[[target#heading]]` as written in prose. */
export interface Wikilink extends Span {
  target: string;
  label: string | null;
  /** The `#heading` part, if any. */
  heading: string | null;
}

/** An ordinary Markdown link (or image) in the body. */
export interface MarkdownLink extends Span {
  url: string;
  /** 'link' | 'image' | 'definition' */
  type: 'link' | 'image' | 'definition';
}

/** An inline `<!-- commonplace-disable rule-id -->` style directive. */
export interface LintDirective {
  action: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means all rules. */
  ruleIds: string[];
  line: number;
}

/**
 * A note after reading: its head, plain data, everything later stages need
 * for every note without re-parsing (what the cache's library snapshot
 * keeps). The heavy parts (source, tree, plain text, prose words, term bag)
 * are its `NoteBody`, fetched through the `NoteBodies` port when a stage
 * needs them.
 */
export interface Note {
  id: NoteId;
  /** Relative to the library root, `/`-separated. */
  path: string;
  /** sha256 (hex) of the file's bytes as on disk. */
  hash: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** The line ending the file used (the first one seen); fixes are written back with it. */
  eol: '\n' | '\r\n' | '\r';
  hadBom: boolean;
  /** null when the file has no front matter at all. */
  frontmatter: Frontmatter | null;
  meta: NoteMeta;
  summary: Summary | null;
  sections: Section[];
  wikilinks: Wikilink[];
  links: MarkdownLink[];
  directives: LintDirective[];
  /** Raw HTML nodes in the body (for the raw-html warning). */
  html: Span[];
  wordCount: number;
  /** Where the code is, for line-based rules (`src/read/code-regions.ts`). */
  code: CodeRegions;
}

/** The heavy parts of a note, fetched through `NoteBodies`; plain data like the head. */
export interface NoteBody {
  /** The decoded text, BOM removed and line endings normalised to `\n`. */
  source: string;
  /** Plain text of the body (no front matter, no code), for text tooling. */
  text: string;
  /**
   * The analysed ranking text (title, summary, sections) the related-notes
   * index is built from. Computed while reading, in the parse workers, and
   * kept by the note cache, so a build tokenises only the notes that changed.
   */
  termBag: TermBag;
  /**
   * The words of the note's prose, where mentions are matched
   * (`src/read/prose-words.ts`). Computed while reading, in the parse
   * workers, so the link stage never walks a tree.
   */
  prose: ProseWords;
  /** The mdast tree of the whole file, with positions (front matter as a `yaml` node). */
  tree: Root;
}

/** A note's head with some parts of its body, as one plain object (one note at a time). */
export type NoteWith<K extends keyof NoteBody> = Note & Pick<NoteBody, K>;

/** A note's head and whole body together: what the parser gives and a parser test reads. */
export type WholeNote = Note & NoteBody;

/**
 * The one port through which stages fetch note bodies (src/read/bodies.ts).
 * Each call returns a fresh plain object (the tree decoded anew): fetch the
 * parts a stage reads when it needs them and let them go, so a build holds
 * one body at a time.
 *
 * `get` is the ONE place a read of note data may fail: a body kept in the
 * cache whose entry was damaged or removed after the run began throws
 * `CachedNoteLost` (src/read/index.ts), and the pipeline then runs once
 * more, reading afresh (`againIfCacheLost` in src/pipeline.ts).
 */
export interface NoteBodies<P extends BodyPart = BodyPart> {
  /** The named parts of `note`'s body (ask only for what you read: the tree is decoded per call). */
  get<K extends P>(note: Note, parts: readonly K[]): Pick<NoteBody, K>;
}

export type BodyPart = keyof NoteBody;

/**
 * A note's prose as parallel columns, one entry per word: the id of its
 * normalised term in `vocabulary` (-1 for a barrier no phrase may cross),
 * its offsets in `Note.source` (-1 for a barrier) and flags (1:
 * hyphen-joined to the previous word, 2: inside a link or wikilink). Columns
 * and one vocabulary string, not a string per word: a note has thousands of
 * words, and these cross threads, sit in the cache and stay in the heap.
 */
export interface ProseWords {
  /** The distinct terms, in first-use order, joined by `\n` (terms never contain one). */
  vocabulary: string;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
}

/** A file the reader could not turn into a Note, with why. */
export interface ReadFailure {
  path: string;
  diagnostic: Diagnostic;
}

/** A glossary entry from `concepts.yml`. */
export interface Concept {
  id: ConceptId;
  name: string;
  aliases: string[];
  definition: string;
  /** Names of related concepts, as written. */
  see: string[];
  /** Where the entry starts in concepts.yml. */
  line: number;
  column: number;
}

/** One occurrence of a concept name/alias or another note's title/alias in prose. */
export interface Mention extends Span {
  kind: 'concept' | 'note';
  target: string; // ConceptId or NoteId
  /** The matched text as written. */
  text: string;
  /** Offsets in Note.source. */
  start: number;
  end: number;
  /** The section key the mention is in ('summary' for the summary, heading key or null). */
  section: string | null;
  /** True when the occurrence is already inside a link/wikilink. */
  linked: boolean;
}

/** A resolved explicit link between notes or to a concept. */
export interface Link extends Span {
  from: NoteId;
  kind: 'note' | 'concept';
  to: string; // NoteId or ConceptId
  /** 'wikilink' | 'markdown' */
  via: 'wikilink' | 'markdown';
}

export interface RelatedReasons {
  /** Shared concepts (ConceptIds), rarest first. */
  concepts: string[];
  /** Top shared terms (stems shown as their commonest surface form). */
  terms: string[];
  /** Typed relations joining the two notes, either way (relation names, sorted): these rank above text similarity. */
  relations: string[];
}

export interface Related {
  id: NoteId;
  /** Rounded to 4 decimals so outputs stay byte-stable across machines. */
  score: number;
  reasons: RelatedReasons;
}

/**
 * A typed relation between two notes (front matter `relations:`), seen from
 * one of them: `out` on the note that declares it, `in` on its target.
 */
export interface Relation {
  /** The relation's name from the vocabulary (`responds-to`, `contradicts`…). */
  type: string;
  /** The other note. */
  id: NoteId;
  direction: 'out' | 'in';
}

/** A note with everything the link stage found. */
export interface LinkedNote {
  note: Note;
  mentions: Mention[];
  /** Explicit links out of this note, resolved. */
  links: Link[];
  /** Notes that link to this one (explicitly), sorted. */
  backlinks: NoteId[];
  /** Notes that mention this one's title/alias in prose without linking, sorted. */
  mentionedIn: NoteId[];
  related: Related[];
  /** Typed relations in both directions, sorted by type, direction, id. */
  relations: Relation[];
  /** Concepts this note is about or mentions, with mention counts, sorted by id. */
  concepts: { id: ConceptId; count: number }[];
}

export interface LinkedConcept {
  concept: Concept;
  /** Notes that mention or declare it, sorted. */
  notes: NoteId[];
  /** Notes that link to it explicitly, sorted. */
  backlinks: NoteId[];
  mentionCount: number;
}

/** The whole linked library: what the emitters receive. Notes sorted by id. */
export interface Library {
  notes: LinkedNote[];
  concepts: LinkedConcept[];
  diagnostics: Diagnostic[];
}

/** Where a note's code is, so line-based rules leave code samples alone (`src/read/code-regions.ts`). */
export interface CodeRegions {
  /** 1-based lines covered by fenced or indented code blocks, ascending. */
  blockLines: number[];
  /** Offsets [start, end) of inline code spans in `Note.source`, in document order. */
  inline: [number, number][];
}
