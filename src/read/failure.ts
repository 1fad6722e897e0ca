/**
 * Building `ReadFailure`s and discovery diagnostics: one shape, one place,
 * so every message names the file, a position and the fix.
 */
import type { Diagnostic, ReadFailure, Severity, Span } from '../types.js';
import { pointSpan } from './lines.js';

/** A diagnostic from the read stage (`file-…` or `discovery-…` rule ids). */
export function readDiagnostic(
  file: string,
  ruleId: string,
  message: string,
  options: { severity?: Severity; span?: Span; related?: Diagnostic['related'] } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId,
    severity: options.severity ?? 'error',
    message,
    file,
    ...(options.span ?? pointSpan()),
  };
  if (options.related && options.related.length > 0) diagnostic.related = options.related;
  return diagnostic;
}

/** A file that could not become a Note, with an error diagnostic saying why. */
export function readFailure(path: string, ruleId: string, message: string, span?: Span): ReadFailure {
  return { path, diagnostic: readDiagnostic(path, ruleId, message, span ? { span } : {}) };
}

/** Formats a byte count for messages ("5.0 MB", "1 MiB" style kept simple and exact). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
