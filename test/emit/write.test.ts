import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/emit/write.js';
import { TEMP_PREFIX } from '../../src/util/fs-write.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-write-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeOutputs', () => {
  it('should create the folder, write every file whole and return the paths in order', () => {
    const out = path.join(tempDir(), 'dist');
    const written = writeOutputs(out, [
      { name: 'b.md', content: 'second' },
      { name: 'a.json', content: '{"x":1}\n' },
    ]);
    expect(written).toEqual([path.join(out, 'b.md'), path.join(out, 'a.json')]);
    expect(readFileSync(path.join(out, 'b.md'), 'utf8')).toBe('second');
    expect(readdirSync(out).sort()).toEqual(['a.json', 'b.md']);
  });

  it('should replace a previous output and sweep temp files a killed run left behind', () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'index.json'), 'old');
    writeFileSync(path.join(out, `${TEMP_PREFIX}index.json-123-abcd`), 'half a fi');
    writeOutputs(out, [{ name: 'index.json', content: 'new' }]);
    expect(readFileSync(path.join(out, 'index.json'), 'utf8')).toBe('new');
    expect(readdirSync(out)).toEqual(['index.json']);
  });

  it.each(['../escape.md', 'a/b.md', 'a\\b.md', '..', '.', '', 'nul\u0000.md', `${TEMP_PREFIX}x`, '/etc/passwd'])(
    'should refuse the name %j before writing anything',
    (name) => {
      const parent = tempDir();
      const out = path.join(parent, 'dist');
      mkdirSync(out);
      expect(() => writeOutputs(out, [{ name: 'ok.md', content: 'x' }, { name, content: 'x' }])).toThrow(/plain file names/);
      expect(readdirSync(out)).toEqual([]);
      expect(existsSync(path.join(parent, 'escape.md'))).toBe(false);
    },
  );

  it('should leave every file as it was when rendering a later file fails, and clean up its temp files', () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'handbook.md'), 'old md');
    function* files() {
      yield { name: 'handbook.md', content: 'new md' };
      throw new Error('renderer failed');
    }
    expect(() => writeOutputs(out, files())).toThrow(/renderer failed/);
    expect(readFileSync(path.join(out, 'handbook.md'), 'utf8')).toBe('old md');
    expect(readdirSync(out)).toEqual(['handbook.md']);
  });

  it('should render lazily, one file at a time, and report each file\'s bytes', () => {
    const out = tempDir();
    const rendered: string[] = [];
    const staged: [string, string][] = [];
    function* files() {
      for (const name of ['a.md', 'b.md']) {
        rendered.push(name);
        yield { name, content: `text of ${name} ✓` };
      }
    }
    writeOutputs(out, files(), (name, bytes) => {
      staged.push([name, Buffer.from(bytes).toString('utf8')]);
      expect(rendered.at(-1)).toBe(name);
    });
    expect(staged).toEqual([['a.md', 'text of a.md ✓'], ['b.md', 'text of b.md ✓']]);
    expect(readFileSync(path.join(out, 'b.md'), 'utf8')).toBe('text of b.md ✓');
  });
});
