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
  return [...synopsis.matchAll(/(--[a-z-]+)(?: ([^\s[\]|()-][^\s[\]()]*))?/g)].map((m): [string, string, string | null] => [
    command,
    m[1] ?? '',
    m[2] === undefined ? null : (m[2].split('|')[0] ?? m[2]),
  ]);
});

describe(`README "${SECTION}": the commands table`, () => {
  it('should document every command that `commonplace --help` lists, and no other', async () => {
    const help = (await runCommand(['--help'], ROOT)).stdout;
    const listed = help.slice(help.indexOf('Commands:')).split('\n').slice(1).map((line) => /^ {2}([a-z]+) /.exec(line)?.[1]).filter((name) => name !== undefined);
    expect(listed.length).toBeGreaterThan(6);
    expect(synopses.map((s) => s.split(' ')[1]).sort()).toEqual(listed.sort());
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

  it('should document every flag each command takes (its --help) in the table', async () => {
    for (const synopsis of synopses) {
      const command = synopsis.split(' ')[1] ?? '';
      const help = (await runCommand([command, '--help'], ROOT)).stdout;
      const taken = [...help.matchAll(/^\s+(?:-[a-z], )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help' && f !== '--version'); // every command takes these two (README: "every command has --help")
      for (const flag of taken) expect(synopsis, `${command} ${flag}`).toContain(flag);
    }
  });
});
