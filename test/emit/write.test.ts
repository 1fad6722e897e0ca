import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

  it.each(['../escape.md', 'a/../b.md', 'a//b.md', 'a/', 'a\\b.md', '..', '.', '', 'nul\u0000.md', `${TEMP_PREFIX}x`, '/etc/passwd'])(
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

  it('should write a file given in chunks byte for byte as the same text given whole, and report all its bytes in order', () => {
    const out = tempDir();
    // Pieces of every size (empty, tiny, over the 1 Mi-unit write batch), and surrogate pairs split
    // between two pieces: inside a batch, and where a batch ends (its high half must wait for the low one).
    const big = 'é→'.repeat(700_000);
    const pieces = ['', '<p>', big, 'a\uD83D', '\uDE00 b', `${'x'.repeat(1 << 20)}\uD83D`, '\uDE00', '</p>\n'];
    const text = pieces.join('');
    const reported: Buffer[] = [];
    writeOutputs(out, [{ name: 'page.html', chunks: pieces }, { name: 'whole.html', content: text }], (name, bytes) => {
      if (name === 'page.html') reported.push(Buffer.from(bytes));
    });
    const written = readFileSync(path.join(out, 'page.html'));
    expect(written.equals(readFileSync(path.join(out, 'whole.html')))).toBe(true);
    expect(written.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(written.toString('utf8')).toContain('a\u{1F600} b');
    expect(written.toString('utf8')).toContain('x\u{1F600}</p>');
    expect(Buffer.concat(reported).equals(written)).toBe(true);
    expect(reported.length).toBeGreaterThan(1);
  });

  it('should leave the previous output untouched and no temp file behind when a file\'s chunks fail halfway', () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'handbook.md'), 'old md');
    writeFileSync(path.join(out, 'handbook.html'), 'old html');
    let rendered = 0;
    function* chunks() {
      for (let i = 0; i < 3; i++) {
        rendered++;
        // Past the write batch, so part of the file is already on disk when the renderer fails.
        yield 'y'.repeat(1 << 20);
      }
      throw new Error('essay renderer failed');
    }
    expect(() =>
      writeOutputs(out, [
        { name: 'handbook.md', chunks: ['new ', 'md'] },
        { name: 'handbook.html', chunks: chunks() },
      ]),
    ).toThrow(/essay renderer failed/);
    expect(rendered).toBe(3);
    expect(readFileSync(path.join(out, 'handbook.md'), 'utf8')).toBe('old md');
    expect(readFileSync(path.join(out, 'handbook.html'), 'utf8')).toBe('old html');
    expect(readdirSync(out).sort()).toEqual(['handbook.html', 'handbook.md']);
  });

  it('should ask for a chunk only after writing the ones before it', () => {
    const out = tempDir();
    const seen: number[] = [];
    function* chunks() {
      for (let i = 0; i < 4; i++) {
        yield 'z'.repeat(1 << 20);
        seen.push(readdirSync(out).filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => statSync(path.join(out, name)).size)[0] ?? -1);
      }
    }
    writeOutputs(out, [{ name: 'big.txt', chunks: chunks() }]);
    // Each full batch is on disk before the next piece is rendered: the text is never held whole.
    expect(seen).toEqual([1 << 20, 2 << 20, 3 << 20, 4 << 20]);
    expect(statSync(path.join(out, 'big.txt')).size).toBe(4 << 20);
  });

  it('should leave a file whose bytes are unchanged untouched, and still report its bytes', () => {
    const out = tempDir();
    const files = () => [
      { name: 'same.html', chunks: ['<p>', 'caf\ud83d', '\ude00 é</p>'] },
      { name: 'bytes.bin', content: new Uint8Array([1, 2, 3]) },
    ];
    writeOutputs(out, files());
    const old = new Date('2001-01-01T00:00:00Z');
    for (const name of ['same.html', 'bytes.bin']) utimesSync(path.join(out, name), old, old);
    const seen: string[] = [];
    const written = writeOutputs(out, files(), (name, bytes) => seen.push(`${name}:${Buffer.from(bytes).toString('hex')}`));
    expect(written).toEqual([path.join(out, 'same.html'), path.join(out, 'bytes.bin')]);
    for (const name of ['same.html', 'bytes.bin']) expect(statSync(path.join(out, name)).mtime).toEqual(old);
    expect(seen.filter((s) => s.startsWith('same.html:')).map((s) => s.slice(10)).join('')).toBe(Buffer.from('<p>caf😀 é</p>').toString('hex'));
    expect(readdirSync(out).sort()).toEqual(['bytes.bin', 'same.html']);
  });

  it.each([
    ['a change in a later piece', ['<p>one</p>', '<p>two</p>'], ['<p>one</p>', '<p>TWO</p>']],
    ['a shorter text that is a prefix of the old one', ['<p>one</p>', '<p>two</p>'], ['<p>one</p>']],
    ['a longer text that begins with the old one', ['<p>one</p>'], ['<p>one</p>', '<p>two</p>']],
    ['a change in the first piece', ['<p>one</p>'], ['<p>ONE</p>']],
  ])('should rewrite a file after %s, whole, and report its new bytes once', (_, before, after) => {
    const out = tempDir();
    writeOutputs(out, [{ name: 'page.html', chunks: before }]);
    const seen: Uint8Array[] = [];
    writeOutputs(out, [{ name: 'page.html', chunks: after }], (_name, bytes) => seen.push(bytes));
    expect(readFileSync(path.join(out, 'page.html'), 'utf8')).toBe(after.join(''));
    expect(Buffer.concat(seen).toString('utf8')).toBe(after.join(''));
    expect(readdirSync(out)).toEqual(['page.html']);
  });

  it('should replace a symlink standing where an output goes, never writing through it', () => {
    const dir = tempDir();
    const out = path.join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(path.join(dir, 'outside.txt'), 'same');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(out, 'page.txt'));
    writeOutputs(out, [{ name: 'page.txt', content: 'same' }]);
    expect(lstatSync(path.join(out, 'page.txt')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('same');
  });
});
