/**
 * Output formats for `commonplace lint`. Each formatter is a pure function
 * from diagnostics (whose `file` is already the path as the user would type
 * it, relative to the working directory) to the text printed on stdout.
 */
import type { Rule } from '../../check/rule.js';
import type { Diagnostic } from '../../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** What a formatter is given. */
export interface FormatInput {
  /** Sorted by file, line, column, rule id. */
  diagnostics: readonly Diagnostic[];
  /** Every file that was linted (display paths, sorted), findings or not. */
  files: readonly string[];
  /** The rules that ran (SARIF describes them). */
  rules: readonly Rule[];
  /** Colour the output (stylish only; the CLI sets it when stdout is a TTY). */
  color: boolean;
  /** Findings that inline directives switched off (json lists them as ESLint's `suppressedMessages`). */
  suppressed?: readonly Diagnostic[];
  /** Each file's text by display path, for files with errors or warnings (json's `source`). */
  sources?: ReadonlyMap<string, string>;
}

/** Turns diagnostics into the text printed on stdout. */
export type Formatter = (input: FormatInput) => string;

/** The formats `--format` accepts. */
export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} satisfies Record<string, Formatter>;

/** A `--format` name. */
export type FormatName = keyof typeof formatters;

/** True when `name` is a known format. */
export const isFormatName = (name: string): name is FormatName => Object.hasOwn(formatters, name);
