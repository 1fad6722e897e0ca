/**
 * Turns a note's own mdast nodes into handbook nodes, never mutating the note:
 * - concept mentions become links to the glossary, the first mention of each
 *   concept per section only, by splitting text nodes at the mention offsets
 *   (never inside code, links or headings);
 * - `[[wikilinks]]` resolved by the link stage become links to the right
 *   heading; unresolved ones stay text;
 * - Markdown links the link stage resolved to a note point at its essay;
 * - reference links are resolved against the note's own definitions, footnote
 *   labels get the note's prefix (so two notes' `[^1]` never collide);
 * - a URL with a disallowed scheme (`javascript:`, `data:`…) loses its link,
 *   and so does a `#fragment` that names none of the note's sections;
 * - raw HTML is dropped; sub-headings shift below the essay heading.
 */
import type { Link, Nodes, PhrasingContent, RootContent, Text } from 'mdast';
import type { LinkedNote, Mention } from '../types.js';
import { noteTitle } from './chapters.js';
import type { EmitContext } from './context.js';
import type { NoteParts } from './note-parts.js';
import { safeUrl } from './url.js';
import { scanWikilinks } from './wikilink-scan.js';

/** Per-note state of the transform; create one with `createCrosslinker`. */
export interface Crosslinker {
  /** Transforms one part's nodes; concepts are linked once per call (one call per section). */
  section(nodes: readonly RootContent[]): RootContent[];
  /** Transforms footnote definitions and other nodes where no mention is linked. */
  plain(nodes: readonly RootContent[]): RootContent[];
}

type Target = { url: string; label: string };

/** Builds the crosslinker of one note; `headingShift` is added to sub-heading depths. */
export function createCrosslinker(linked: LinkedNote, parts: NoteParts, ctx: EmitContext, headingShift: number): Crosslinker {
  const { note } = linked;
  const footnotePrefix = `${ctx.anchors.note(note.id) ?? 'note'}-`;
  const wikiTargets = resolveWikilinks(linked, ctx);
  const markdownTargets = new Map<string, Target>();
  for (const link of linked.links) {
    if (link.via !== 'markdown') continue;
    const target = targetOf(link.kind, link.to, null, ctx);
    if (target) markdownTargets.set(`${link.line}:${link.column}`, target);
  }
  const mentions: Mention[] = [...linked.mentions]
    .filter((m) => m.kind === 'concept' && !m.linked && ctx.anchors.concept(m.target) !== undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let cursor = 0;
  let linkedInSection = new Set<string>();
  let linkMentions = true;

  /**
   * A note's own URL as the handbook can use it: a `#fragment` only if it names
   * one of this note's sections (it then points at that section's anchor; any
   * other fragment would dangle in the handbook, so the link becomes text);
   * otherwise the URL policy of `safeUrl`.
   */
  const ownUrl = (url: string): string | null => {
    if (!url.startsWith('#')) return safeUrl(url);
    let fragment = url.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      /* keep it as written */
    }
    const anchor = ctx.anchors.section(note.id, fragment);
    return anchor ? `#${anchor}` : null;
  };

  const text = (node: Text): PhrasingContent[] => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const exact = start !== undefined && end !== undefined && parts.source.slice(start, end) === node.value;
    type Cut = { start: number; end: number; node: PhrasingContent };
    const cuts: Cut[] = [];
    for (const w of scanWikilinks(node.value)) {
      const target = wikiTargets.get(wikiKey(w.target, w.heading));
      if (!target) continue;
      cuts.push({ start: w.start, end: w.end, node: linkNode(target.url, w.label ?? target.label) });
    }
    if (exact && linkMentions) {
      while (cursor < mentions.length && mentions[cursor]!.start < start) cursor++;
      for (let i = cursor; i < mentions.length && mentions[i]!.start < end; i++) {
        const m = mentions[i]!;
        if (m.end > end || linkedInSection.has(m.target)) continue;
        const from = m.start - start;
        const to = m.end - start;
        if (cuts.some((c) => c.start < to && from < c.end)) continue;
        linkedInSection.add(m.target);
        const link = linkNode(`#${ctx.anchors.concept(m.target)!}`, node.value.slice(from, to));
        link.data = { hProperties: { className: ['concept-link'] } };
        cuts.push({ start: from, end: to, node: link });
      }
    }
    if (cuts.length === 0) return [{ type: 'text', value: node.value }];
    cuts.sort((a, b) => a.start - b.start);
    const out: PhrasingContent[] = [];
    let at = 0;
    for (const cut of cuts) {
      if (cut.start > at) out.push({ type: 'text', value: node.value.slice(at, cut.start) });
      out.push(cut.node);
      at = cut.end;
    }
    if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
    return out;
  };

  const children = (nodes: readonly Nodes[], inert: boolean): Nodes[] => nodes.flatMap((n) => transform(n, inert));

  const transform = (node: Nodes, inert: boolean): Nodes[] => {
    switch (node.type) {
      case 'html':
      case 'yaml':
      case 'definition':
        return [];
      case 'text':
        return inert ? [{ type: 'text', value: node.value }] : text(node);
      case 'code':
      case 'inlineCode':
      case 'break':
      case 'thematicBreak':
        return [{ ...node }];
      case 'heading':
        return [{ ...node, depth: clampDepth(node.depth + headingShift), children: children(node.children, true) as PhrasingContent[] }];
      case 'link': {
        const resolved = node.position ? markdownTargets.get(`${node.position.start.line}:${node.position.start.column}`) : undefined;
        const url = resolved ? resolved.url : ownUrl(node.url);
        if (url === null) return children(node.children, inert);
        return [{ type: 'link', url, title: node.title ?? null, children: children(node.children, true) as PhrasingContent[] }];
      }
      case 'linkReference': {
        const definition = parts.definitions.get(node.identifier);
        const url = definition ? ownUrl(definition.url) : null;
        if (url === null) return children(node.children, inert);
        return [{ type: 'link', url, title: definition?.title ?? null, children: children(node.children, true) as PhrasingContent[] }];
      }
      case 'image':
        return safeUrl(node.url) === null ? altText(node.alt) : [{ type: 'image', url: node.url, title: node.title ?? null, alt: node.alt ?? '' }];
      case 'imageReference': {
        const definition = parts.definitions.get(node.identifier);
        if (!definition || safeUrl(definition.url) === null) return altText(node.alt);
        return [{ type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? '' }];
      }
      case 'footnoteReference':
        return [{ type: 'footnoteReference', identifier: footnotePrefix + node.identifier, label: footnotePrefix + (node.label ?? node.identifier) }];
      case 'footnoteDefinition':
        return [{ ...node, identifier: footnotePrefix + node.identifier, label: footnotePrefix + (node.label ?? node.identifier), children: children(node.children, true) as typeof node.children }];
      case 'paragraph': {
        const kept = children(node.children, inert) as PhrasingContent[];
        // A paragraph of only raw HTML is empty once the HTML is dropped: leave no `<p></p>` behind.
        return kept.length === 0 ? [] : [{ ...node, children: kept }];
      }
      default:
        if ('children' in node) return [{ ...node, children: children(node.children as Nodes[], inert) } as Nodes];
        return [{ ...(node as object) } as Nodes];
    }
  };

  return {
    section(nodes) {
      linkedInSection = new Set();
      linkMentions = true;
      return children(nodes, false) as RootContent[];
    },
    plain(nodes) {
      linkMentions = false;
      return children(nodes, false) as RootContent[];
    },
  };
}

const clampDepth = (depth: number): 1 | 2 | 3 | 4 | 5 | 6 => Math.max(1, Math.min(6, depth)) as 1 | 2 | 3 | 4 | 5 | 6;

const altText = (alt: string | null | undefined): Nodes[] => (alt ? [{ type: 'text', value: alt }] : []);

function linkNode(url: string, label: string): Link {
  return { type: 'link', url, children: [{ type: 'text', value: label }] };
}

const wikiKey = (target: string, heading: string | null): string => `${target.trim()}\u0000${heading?.trim() ?? ''}`;

function targetOf(kind: 'note' | 'concept', to: string, heading: string | null, ctx: EmitContext): Target | undefined {
  if (kind === 'concept') {
    const anchor = ctx.anchors.concept(to);
    const concept = ctx.concepts.get(to);
    return anchor && concept ? { url: `#${anchor}`, label: concept.concept.name } : undefined;
  }
  const anchor = (heading ? ctx.anchors.section(to, heading) : undefined) ?? ctx.anchors.note(to);
  const target = ctx.notes.get(to);
  return anchor && target ? { url: `#${anchor}`, label: noteTitle(target) } : undefined;
}

/** Wikilinks as written → where the link stage resolved them (matched by position). */
function resolveWikilinks(linked: LinkedNote, ctx: EmitContext): Map<string, Target> {
  const byPosition = new Map<string, { kind: 'note' | 'concept'; to: string }>();
  for (const link of linked.links) if (link.via === 'wikilink') byPosition.set(`${link.line}:${link.column}`, link);
  const targets = new Map<string, Target>();
  for (const w of linked.note.wikilinks) {
    const link = byPosition.get(`${w.line}:${w.column}`);
    if (!link) continue;
    const target = targetOf(link.kind, link.to, w.heading, ctx);
    if (target) targets.set(wikiKey(w.target, w.heading), target);
  }
  return targets;
}
