/**
 * `removeStale`: after a build, the site folder holds exactly that build's
 * files (a deleted note's page goes), and nothing outside it is touched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStale, writeOutputs } from '../../src/emit/write.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('removeStale', () => {
  it('should remove the site files a build did not write, and empty folders, leaving everything else', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'commonplace-stale-'));
    temps.push(out);
    const outside = path.join(out, '..', `${path.basename(out)}-outside.txt`);
    writeFileSync(outside, 'keep');
    temps.push(outside);
    writeOutputs(out, [
      { name: 'handbook.md', content: 'a' },
      { name: 'site/index.html', content: 'home' },
      { name: 'site/essays/old.html', content: 'old' },
      { name: 'site/concepts/gone.html', content: 'gone' },
    ]);
    symlinkSync(outside, path.join(out, 'site', 'essays', 'link.html'));
    const written = writeOutputs(out, [
      { name: 'handbook.md', content: 'b' },
      { name: 'site/index.html', content: 'home 2' },
      { name: 'site/essays/new.html', content: 'new' },
    ]);
    const removed = removeStale(out, 'site', written);
    expect(removed.map((file) => path.relative(out, file))).toEqual(['site/concepts/gone.html', 'site/essays/link.html', 'site/essays/old.html']);
    expect(readdirSync(path.join(out, 'site')).sort()).toEqual(['essays', 'index.html']);
    expect(readdirSync(path.join(out, 'site', 'essays'))).toEqual(['new.html']);
    expect(existsSync(path.join(out, 'handbook.md'))).toBe(true);
    expect(existsSync(outside)).toBe(true);
  });

  it('should do nothing when the folder does not exist', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'commonplace-stale-'));
    temps.push(out);
    mkdirSync(path.join(out, 'other'));
    expect(removeStale(out, 'site', [])).toEqual([]);
    expect(readdirSync(out)).toEqual(['other']);
  });
});
