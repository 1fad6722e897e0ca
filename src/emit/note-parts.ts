/**
 * Splits a note's mdast into the parts the handbook shows: the summary (what
 * precedes the first section heading), the sections, and the footnote and
 * link definitions (collected so they can be resolved per note and never
 * collide with another note's labels in the combined handbook).
 */
import type { Definition, FootnoteDefinition, Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Config } from '../config.js';
import type { Note, NoteBody } from '../types.js';

/** One section of a note: its heading and the nodes up to the next section heading. */
export interface NoteSection {
  heading: Heading;
  /** The heading's plain text, as written. */
  title: string;
  /** The configured section key it matched (`critique`), or null. */
  key: string | null;
  nodes: RootContent[];
}

/** A note's body, split for the handbook. Nodes are the note's own (do not mutate). */
export interface NoteParts {
  /** The note's source, which the nodes' offsets point into. */
  source: string;
  summary: RootContent[];
  sections: NoteSection[];
  footnotes: FootnoteDefinition[];
  /** Link reference definitions by normalised identifier (first one wins, as in CommonMark). */
  definitions: Map<string, Definition>;
}

/**
 * Headings of depth ≤ `config.sectionDepth` start a section; raw HTML nodes
 * are dropped (a note's raw HTML never reaches an output: the checker warns).
 * Not memoised: the parts are the note's decoded tree, so a memo would hold
 * every tree of the library as objects for the whole emit (~60 KB of heap a
 * note, 6 GB at 100,000 notes). A split costs one body fetch (a tree
 * decode); anchors need none (they take `Section.title` from the head).
 */
export function splitNote(note: Note, body: Pick<NoteBody, 'source' | 'tree'>, config: Config): NoteParts {
  const keyByOffset = new Map(note.sections.map((s) => [s.headingStart, s.key] as const));
  const parts: NoteParts = { source: body.source, summary: [], sections: [], footnotes: [], definitions: new Map() };
  let current: RootContent[] = parts.summary;
  for (const node of body.tree.children) {
    if (node.type === 'heading' && node.depth <= config.sectionDepth) {
      const offset = node.position?.start.offset;
      const key = offset === undefined ? null : (keyByOffset.get(offset) ?? null);
      const section: NoteSection = { heading: node, title: toString(node), key, nodes: [] };
      parts.sections.push(section);
      current = section.nodes;
    } else if (node.type === 'footnoteDefinition') {
      parts.footnotes.push(node);
    } else if (node.type === 'definition') {
      if (!parts.definitions.has(node.identifier)) parts.definitions.set(node.identifier, node);
    } else if (node.type !== 'yaml' && node.type !== 'html') {
      current.push(node);
    }
  }
  return parts;
}
