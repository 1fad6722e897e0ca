import { readdirSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/emit/spill.js';

describe('SpillFile', () => {
  it('should give back each appended text byte for byte, in any order, and leave no file behind', () => {
    const before = readdirSync(os.tmpdir()).filter((name) => name.startsWith('commonplace-spill-'));
    const spill = new SpillFile();
    const texts = ['<p>first</p>', '', 'é→ ✓ \u{1F600}'.repeat(10_000), '# heading\n\nbody\n'];
    const refs = texts.map((text) => spill.append(Buffer.from(text, 'utf8')));
    expect(readdirSync(os.tmpdir()).filter((name) => name.startsWith('commonplace-spill-'))).toEqual(before);
    for (const i of [3, 0, 2, 1, 2]) expect(Buffer.from(spill.read(refs[i]!)).toString('utf8')).toBe(texts[i]);
  });
});
