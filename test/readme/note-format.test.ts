/**
 * README "The note format": each rule of the note format, checked on a note
 * read by the real reader. The README's words are parsed where they make a
 * claim a test can hold them to.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleNote } from '../../src/check/example-note.js';
import { describe, expect, it } from 'vitest';
import { FIELD_ORDER, KINDS } from '../../src/check/fields.js';
import { defaultConfig } from '../../src/config.js';
import { discover } from '../../src/read/discover.js';
import { lintFiles } from '../check/harness.js';
import { readFrontmatter } from '../../src/read/frontmatter.js';
import { LineIndex } from '../../src/read/lines.js';
import { README_TEXT, section, sectionText } from './readme.js';

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

describe('README "The note format": the example note and its rules', () => {
  const text = sectionText('The note format');
  const flat = text.replace(/\s+/g, ' ');
  const example = section('The note format').find((n) => n.type === 'code' && n.lang === 'md');
  const exampleText = example && 'value' in example ? example.value : '';

  it('should show a note whose front matter follows the canonical key order and the known fields', () => {
    const keys = [...exampleText.split('\n---')[0]!.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([...FIELD_ORDER]);
  });

  it('should list the kinds there are, essay the default', () => {
    expect(/kind: essay +# essay \(default\) \| (.*)$/m.exec(exampleText)?.[1]?.split(' | ')).toEqual(KINDS.filter((k) => k !== 'essay'));
  });

  it('should name the required fields and the default sections as the config has them', () => {
    const required = /\*\*Required\*\*:(.*?)Optional:/.exec(flat)?.[1] ?? '';
    expect([...required.matchAll(/`([a-z]+)` \(/g)].map((m) => m[1])).toEqual(defaultConfig.requiredFields);
    for (const spec of defaultConfig.sections) expect(exampleText).toContain(`## ${spec.heading}`);
    expect(flat).toContain(`at least ${defaultConfig.minSectionWords} words; the summary at least ${defaultConfig.minSummaryWords} words`);
    expect(flat).toContain(`within \`minYear\`..\`maxYear\``);
  });

  it('should read the example note (its prose filled in) without an error', () => {
    const words = 'The team that owns an outcome end to end ships faster because every hand-off adds a queue, a translation and a chance to lose the intent along the way.';
    const note = exampleText.replace(/^(…|The summary:.*)$/gm, words).replace(/^….*$/gm, words).replace(/ +#.*$/gm, '');
    // The note it relates to (`relations:`) is in the library beside it.
    const other = exampleNote({ frontmatter: 'title: No Silver Bullet\nauthor: Fred Brooks\nyear: 1986\nsource: https://example.com/no-silver-bullet' });
    const found = lintFiles({ 'how-do-committees-invent.md': note, 'no-silver-bullet.md': other }, { concepts: [{ name: "Conway's law" }, { name: 'organizational design' }] });
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should warn about x.MD, x.Markdown and x.markdown, skip . and _ names, and cap files at 1 MiB', async () => {
    expect(flat).toContain('at most 1 MiB');
    expect(defaultConfig.maxFileBytes).toBe(1024 * 1024);
    const root = mkdtempSync(path.join(tmpdir(), 'cp-readme-files-'));
    for (const name of ['x.MD', 'y.Markdown', 'z.markdown', '.hidden.md', '_draft.md', 'note.md']) writeFileSync(path.join(root, name), '# x\n');
    mkdirSync(path.join(root, '_drafts'));
    writeFileSync(path.join(root, '_drafts', 'a.md'), '# a\n');
    const found = await discover(root, defaultConfig);
    expect(found.files).toEqual(['note.md']);
    expect(found.diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual([
      ['x.MD', 'discovery-extension', 'warning'],
      ['y.Markdown', 'discovery-extension', 'warning'],
      ['z.markdown', 'discovery-extension', 'warning'],
    ]);
  });

  it('should name every link form that resolves', () => {
    for (const form of ['[[Title]]', '[[Title|label]]', '[[Title#Heading]]', '[[concept]]', '(`other.md`)']) expect(flat).toContain(form);
  });
});
