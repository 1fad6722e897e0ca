/**
 * The trusted page shell (`templates/handbook.html`, `.css`, `.js`) and the
 * MiniSearch browser bundle, read once from disk and filled in. Only the
 * shell's own `{{name}}` slots are replaced; values are already serialised
 * safe HTML (sanitised hast), escaped text or escaped JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The slots of the shell, each filled exactly once. */
export interface ShellSlots {
  title: string;
  header: string;
  nav: string;
  /** The essays: the bulk of the page, in pieces (it can be longer than one string can be). */
  main: Iterable<string>;
  searchIndex: string;
}

interface ShellFiles {
  html: string;
  style: string;
  script: string;
  minisearch: string;
}

let files: ShellFiles | undefined;

/** Where the templates live: `<package>/templates`, from src/emit or lib/emit alike. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

function loadShell(): ShellFiles {
  if (files) return files;
  const read = (name: string): string => readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');
  const require = createRequire(import.meta.url);
  // The package's exports map hides the UMD build; reach it from the CommonJS entry.
  const umd = path.join(path.dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
  const minisearch = readFileSync(umd, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  for (const [name, text] of [['handbook.js', read('handbook.js')], ['minisearch', minisearch]] as const) {
    if (/<\/script|<!--/i.test(text)) throw new Error(`${name} cannot be inlined: it contains "</script" or "<!--"`);
  }
  files = { html: read('handbook.html'), style: read('handbook.css'), script: read('handbook.js'), minisearch };
  return files;
}

/** Fills the shell. Throws if the template lacks a slot (a broken install, not bad input). */
export function fillShell(slots: ShellSlots): string {
  return [...shellChunks(slots)].join('');
}

/**
 * `fillShell` in pieces: the template's text and each slot's value in order,
 * `main` piece by piece as it is iterated. Every slot name is checked before
 * the first piece, so a broken template fails before anything is written.
 */
export function* shellChunks(slots: ShellSlots): Generator<string> {
  const shell = loadShell();
  const values: Record<string, string | Iterable<string>> = { ...slots, style: shell.style, script: shell.script, minisearch: shell.minisearch };
  const parts: (string | Iterable<string>)[] = [];
  let last = 0;
  for (const match of shell.html.matchAll(/\{\{([a-zA-Z]+)\}\}/g)) {
    const value = Object.hasOwn(values, match[1]!) ? values[match[1]!] : undefined;
    if (value === undefined) throw new Error(`templates/handbook.html: unknown slot ${match[0]}`);
    parts.push(shell.html.slice(last, match.index), value);
    last = match.index + match[0].length;
  }
  parts.push(shell.html.slice(last));
  for (const part of parts) {
    if (typeof part === 'string') yield part;
    else yield* part;
  }
}
