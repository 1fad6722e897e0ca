/**
 * Accepting concept suggestions into `library/concepts.yml`: one phrase from
 * flags (`--accept P [--as-alias-of C | --definition D]`) or a walk through
 * the suggestions on a terminal (`--write`: accept, accept as alias of …,
 * skip, stop). Edits go through `appendToGlossary` (Document API, checked
 * clean) and one atomic write; nothing is written when nothing was accepted,
 * the walk was cancelled, or the result would not be a clean glossary.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { isCancel, select, text } from '@clack/prompts';
import { appendToGlossary, type Acceptance } from '../link/glossary-append.js';
import { GLOSSARY_FILE } from '../link/glossary.js';
import type { OpenLibrary } from '../link/open.js';
import { phraseKey } from '../link/phrase.js';
import type { Suggestion } from '../link/suggest.js';
import { writeFileAtomic } from '../util/fs-write.js';
import type { CommandIO } from './io.js';

/** Why `phrase` cannot be accepted (it names a note already), or null. */
function conflict(library: OpenLibrary, phrase: string): string | null {
  const key = phraseKey(phrase);
  if (key === '') return `"${phrase}" has no words`;
  const note = library.notes.find((n) => [n.meta.title, ...n.meta.aliases].some((t) => typeof t === 'string' && phraseKey(t) === key));
  return note ? `"${phrase}" is the title or alias of the note ${note.id}; a concept may not share it` : null;
}

/** Reads concepts.yml ('' when missing), applies `accepted`, writes atomically. Returns the exit code. */
export function writeAccepted(library: OpenLibrary, accepted: readonly Acceptance[], io: CommandIO): number {
  for (const item of accepted) {
    const problem = conflict(library, item.phrase);
    if (problem) {
      io.stderr.write(`commonplace concepts: not written: ${problem}\n`);
      return 1;
    }
  }
  const file = path.join(library.root, GLOSSARY_FILE);
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      io.stderr.write(`commonplace concepts: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const result = appendToGlossary(old, accepted);
  if (!result.ok) {
    io.stderr.write(`commonplace concepts: ${result.error}\n`);
    return 1;
  }
  try {
    writeFileAtomic(file, result.text);
  } catch (error) {
    io.stderr.write(`commonplace concepts: cannot write ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  for (const item of accepted) {
    io.stdout.write('aliasOf' in item ? `Added "${item.phrase}" as an alias of "${item.aliasOf}" in ${GLOSSARY_FILE}\n` : `Added the concept "${item.phrase}" to ${GLOSSARY_FILE}\n`);
  }
  return 0;
}

/** What the user chose for one suggestion. */
type Choice = 'accept' | 'alias' | 'other-alias' | 'skip' | 'stop';

/**
 * Walks `found` on the terminal, asking for a definition (new concept) or a
 * concept (alias) as needed. Returns the accepted items, or null when the
 * user cancels (Ctrl-C, Esc).
 */
export async function walkSuggestions(found: readonly Suggestion[], library: OpenLibrary, io: CommandIO): Promise<Acceptance[] | null> {
  const streams = { input: io.stdin as Readable, output: io.stdout as Writable };
  const accepted: Acceptance[] = [];
  const conceptNames = library.concepts.map((c) => c.name);
  for (const [index, s] of found.entries()) {
    const where = s.evidence[0] ? `\n  “${clip(s.evidence[0].sentence, s.phrase)}” (${s.evidence[0].note})` : '';
    const options: { value: Choice; label: string }[] = [
      ...(s.aliasOf ? [{ value: 'alias' as const, label: `accept as an alias of "${s.aliasOf}"` }] : []),
      { value: 'accept', label: 'accept as a new concept' },
      ...(conceptNames.length > 0 ? [{ value: 'other-alias' as const, label: 'accept as an alias of …' }] : []),
      { value: 'skip', label: 'skip' },
      { value: 'stop', label: 'stop (write what was accepted)' },
    ];
    const choice = await select<Choice>({
      message: `${index + 1}/${found.length}  ${s.phrase}  (in ${s.notes.length} notes)${where}`,
      options,
      ...streams,
    });
    if (isCancel(choice)) return null;
    if (choice === 'stop') break;
    if (choice === 'skip') continue;
    if (choice === 'alias') {
      accepted.push({ phrase: s.phrase, aliasOf: s.aliasOf! });
      continue;
    }
    if (choice === 'other-alias') {
      const of = await select<string>({ message: `"${s.phrase}" is an alias of`, options: conceptNames.map((name) => ({ value: name, label: name })), ...streams });
      if (isCancel(of)) return null;
      accepted.push({ phrase: s.phrase, aliasOf: of });
      continue;
    }
    const definition = await text({
      message: `Definition of "${s.phrase}" (one sentence)`,
      ...streams,
      validate: (value) => ((value ?? '').trim() === '' ? 'A concept needs a definition' : undefined),
    });
    if (isCancel(definition)) return null;
    accepted.push({ phrase: s.phrase, definition });
  }
  return accepted;
}

/** The sentence cut to about `width` characters around the phrase, with ellipses where cut. */
export function clip(sentence: string, phrase: string, width = 160): string {
  if (sentence.length <= width) return sentence;
  const at = Math.max(0, sentence.toLowerCase().indexOf(phrase.toLowerCase()));
  let start = Math.max(0, Math.min(at - Math.floor((width - phrase.length) / 2), sentence.length - width));
  let end = Math.min(sentence.length, start + width);
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start;
  if (end < sentence.length) end = sentence.lastIndexOf(' ', end) > start ? sentence.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end)}${end < sentence.length ? '…' : ''}`;
}
