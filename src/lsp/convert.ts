/**
 * Between Commonplace's shapes and the protocol's: 1-based line/column
 * spans (of the note's source, BOM stripped, `\n` line endings) and 0-based LSP
 * positions (UTF-16, as both count), file URIs and library paths. Line
 * endings never move a line or column; a BOM shifts line 1 by one.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { LineIndex } from '../read/lines.js';
import type { Diagnostic, Note, Severity, Span } from '../types.js';

/** The source name every published diagnostic carries. */
export const SOURCE = 'commonplace';

/** A file URI's absolute path, or null for other schemes (`untitled:`). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The file URI of a library-relative path. */
export const pathToUri = (root: string, file: string): string => pathToFileURL(path.join(root, file)).href;

/** A 1-based span as an LSP range (`bom`: the editor's text starts with U+FEFF). */
export function toRange(span: Span, bom = false): Range {
  const shift = (line: number): number => (bom && line === 1 ? 1 : 0);
  return {
    start: { line: Math.max(0, span.line - 1), character: Math.max(0, span.column - 1 + shift(span.line)) },
    end: { line: Math.max(0, span.endLine - 1), character: Math.max(0, span.endColumn - 1 + shift(span.endLine)) },
  };
}

/** An LSP position as a 1-based line and column of the same text. */
export const toPoint = (position: Position, bom = false): { line: number; column: number } => ({
  line: position.line + 1,
  column: position.character + 1 - (bom && position.line === 0 ? 1 : 0),
});

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A lint diagnostic as the protocol shows it: rule id as `code`, same message and range. */
export function toLspDiagnostic(d: Diagnostic, uriOf: (file: string) => string, bom = false): LspDiagnostic {
  const out: LspDiagnostic = { range: toRange(d, bom), severity: severities[d.severity], code: d.ruleId, source: SOURCE, message: d.message };
  if (d.related) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri: uriOf(r.file), range: toRange({ line: r.line, column: r.column, endLine: r.line, endColumn: r.column }) },
      message: r.message,
    }));
  }
  return out;
}

/** Offsets of one note's normalised source ↔ editor positions. */
export class NoteText {
  private readonly lines: LineIndex;

  /** `source`: the note's, fetched from the library's `bodies` port. */
  constructor(
    readonly note: Note,
    readonly source: string,
  ) {
    this.lines = new LineIndex(source);
  }

  /** The LSP position of a the note's source offset. */
  position(offset: number): Position {
    const p = this.lines.point(offset);
    return toRange({ line: p.line, column: p.column, endLine: p.line, endColumn: p.column }, this.note.hadBom).start;
  }

  /** The LSP range of `[start, end)` in the note's source. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The the note's source offset of an LSP position. */
  offset(position: Position): number {
    const { line, column } = toPoint(position, this.note.hadBom);
    const start = this.lines.lineStart(line);
    const next = line < this.lineCount ? this.lines.lineStart(line + 1) - 1 : this.source.length;
    return Math.min(start + Math.max(0, column - 1), next);
  }

  /** The 1-based number of lines. */
  get lineCount(): number {
    return this.lines.point(this.source.length).line;
  }

  /** The start offset of a 1-based span. */
  spanStart(span: Span): number {
    return this.lines.lineStart(span.line) + span.column - 1;
  }

  /** The end offset of a 1-based span. */
  spanEnd(span: Span): number {
    return this.lines.lineStart(span.endLine) + span.endColumn - 1;
  }
}

/** True when a 1-based span contains the 1-based point (ends inclusive: the cursor after a link still counts). */
export function spanContains(span: Span, point: { line: number; column: number }): boolean {
  const after = point.line > span.line || (point.line === span.line && point.column >= span.column);
  const before = point.line < span.endLine || (point.line === span.endLine && point.column <= span.endColumn);
  return after && before;
}
