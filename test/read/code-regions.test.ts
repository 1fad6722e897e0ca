import { describe, expect, it } from 'vitest';
import { codeRegions } from '../../src/read/code-regions.js';
import { noteFromText } from '../../src/read/parse.js';

describe('codeRegions', () => {
  it('should give the lines of fenced and indented blocks and the offsets of inline code', () => {
    const source = '---\ntitle: T\n---\n\nText with `code` here.\n\n```js\nlet a;\n```\n\n    indented\n';
    const note = noteFromText('t.md', source);
    const regions = codeRegions(note.tree);
    expect(regions.blockLines).toEqual([7, 8, 9, 11]);
    expect(regions.inline.map(([start, end]) => source.slice(start, end))).toEqual(['`code`']);
  });

  it('should find no code in prose', () => {
    expect(codeRegions(noteFromText('t.md', '---\ntitle: T\n---\n\nJust words.\n').tree)).toEqual({ blockLines: [], inline: [] });
  });
});
