/**
 * README "The note format": each rule of the note format, checked on a note
 * read by the real reader. The README's words are parsed where they make a
 * claim a test can hold them to.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { readFrontmatter } from '../../src/read/frontmatter.js';
import { LineIndex } from '../../src/read/lines.js';
import { README_TEXT, sectionText } from './readme.js';

const frontmatterData = (yaml: string): Record<string, unknown> | null => {
  const text = `---\n${yaml}\n---\n\nBody.\n`;
  return readFrontmatter(text, new LineIndex(text), defaultConfig).frontmatter?.data ?? null;
};

describe('README "The note format": Front matter', () => {
  it('should read each value the README names as the README says (YAML 1.2 core schema)', () => {
    const data = frontmatterData('date: 2020-01-01\ncountry: NO\ndraft: yes\ntime: 1:30\nzip: 012345');
    expect(data).toMatchObject({ date: '2020-01-01', country: 'NO', draft: 'yes', time: '1:30', zip: 12345 });
  });

  it('should never claim that 012345 stays as written: YAML 1.2 reads it as the integer 12345', () => {
    const claims = README_TEXT.split(/\n\s*\n/).filter((paragraph) => paragraph.includes('`012345`'));
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(claim.replace(/\s+/g, ' ')).toContain('`012345` is the integer 12345');
    expect(sectionText('The note format')).toContain('`012345` is the integer 12345');
  });
});
