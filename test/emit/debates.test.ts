/**
 * The "Debates" part: essays joined by `contradicts` (pairs and clusters)
 * side by side with their central arguments and critiques, grouped by the
 * concepts they share, in handbook.md, handbook.html and the site; the
 * glossary and concept pages list the debates about a concept; a library
 * without contradictions has no Debates part at all.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { findDebates } from '../../src/emit/debates.js';
import { emitAll, outputText, type OutputText } from '../../src/emit/index.js';
import type { Library } from '../../src/types.js';
import { buildFixtureLibrary, emitFixture, FIXTURE_RELATIONS, fixtureConfig, fixtureWithRelations } from './build-fixture.js';

const config = resolveConfig({ ...fixtureConfig(), outputs: ['all'] });
let files: OutputText[];
let cluster: Library;
beforeAll(async () => {
  files = emitFixture(await buildFixtureLibrary(fixtureWithRelations(FIXTURE_RELATIONS), config), config);
  cluster = await buildFixtureLibrary(
    fixtureWithRelations({
      'deep-work.md': 'relations:\n  contradicts: [makers-schedule]',
      'boring-tech.md': 'relations:\n  contradicts: [makers-schedule]',
      'committees.md': 'relations:\n  contradicts: [single-threaded]',
    }),
    config,
  );
});

const part = (text: string, from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to));

describe('findDebates', () => {
  it('should join contradicting essays into pairs and clusters, each with the concepts two of them share', () => {
    const debates = findDebates(cluster);
    expect(debates.map((d) => [d.anchor, d.notes, d.edges, d.concepts])).toEqual([
      ['debate-boring-tech', ['boring-tech', 'deep-work', 'makers-schedule'], [['boring-tech', 'makers-schedule'], ['deep-work', 'makers-schedule']], ['deep-work', 'makers-schedule']],
      ['debate-single-threaded', ['single-threaded', 'committees'], [['committees', 'single-threaded']], ['team-size']],
    ]);
  });

  it('should find none in a library without contradicts', async () => {
    expect(findDebates(await buildFixtureLibrary(undefined, config))).toEqual([]);
  });
});

describe('the Debates part', () => {
  it('should set the two essays side by side in handbook.md, with each central argument and critique, under their shared concepts', () => {
    const md = outputText(files, 'handbook.md');
    const debates = part(md, '## <a id="debates"></a>Debates', '## <a id="glossary"');
    expect(debates).toContain("### On [deep work](#concept-deep-work) and [maker's schedule](#concept-makers-schedule)");
    expect(debates).toContain('#### <a id="debate-deep-work"></a>Deep Work vs Maker\'s Schedule, Manager\'s Schedule');
    expect(debates).toContain("*[Deep Work](#note-deep-work)* contradicts *[Maker's Schedule, Manager's Schedule](#note-makers-schedule)*.");
    expect(debates).toMatch(/^\| +\| \*\[Deep Work\]\(#note-deep-work\)\* +\| \*\[Maker's Schedule, Manager's Schedule\]\(#note-makers-schedule\)\* +\|$/m);
    expect(debates).toMatch(/^\| \*\*Central argument\*\* \| Knowledge work rewards .* \| A manager's day is cut .* \|$/m);
    expect(debates).toMatch(/^\| \*\*Critique\*\* +\| The book generalises .* \| The essay is written .* \|$/m);
    expect(md).toContain('- [Debates](#debates)');
    const glossary = part(md, '<a id="concept-deep-work">', '<a id="concept-makers-schedule">');
    expect(glossary).toContain("**Debates:** [Deep Work vs Maker's Schedule, Manager's Schedule](#debate-deep-work)");
  });

  it("should link the glossary's debates to the EPUB's debates file", () => {
    const epub = unzipSync(files.find((f) => f.name === 'handbook.epub')!.content as Uint8Array);
    const glossary = new TextDecoder().decode(epub['OEBPS/glossary.xhtml']);
    expect(glossary).toContain('href="debates.xhtml#user-content-debate-deep-work"');
    expect(new TextDecoder().decode(epub['OEBPS/debates.xhtml'])).toContain('id="user-content-debate-deep-work"');
  });

  it('should show it in handbook.html as a table with a column per essay', () => {
    const html = outputText(files, 'handbook.html');
    expect(html).toMatch(/<h4 id="user-content-debate-deep-work" class="debate-title">Deep Work vs Maker's Schedule, Manager's Schedule<\/h4>/);
    expect(html).toMatch(/<table class="debate-sides">\s*<thead>\s*<tr>\s*<th><\/th>\s*<th><em><a href="#user-content-note-deep-work">Deep Work<\/a><\/em><\/th>/);
  });

  it('should give the site a debates page in the navigation, linked from the concept pages', () => {
    const page = outputText(files, 'site/debates.html');
    expect(page).toContain('<h1 id="user-content-debates">Debates</h1>');
    expect(page).toContain('<a href="essays/deep-work.html">Deep Work</a>');
    expect(outputText(files, 'site/essays/deep-work.html')).toContain('<a href="../debates.html">Debates</a>');
    expect(outputText(files, 'site/concepts/deep-work.html')).toContain(
      '<p class="concept-debates"><strong>Debates:</strong> <a href="../debates.html#user-content-debate-deep-work">Deep Work vs Maker\'s Schedule, Manager\'s Schedule</a></p>',
    );
  });

  it('should leave every output without a Debates part when nothing contradicts', async () => {
    const plain = emitFixture(await buildFixtureLibrary(undefined, config), config);
    expect(plain.some((f) => f.name === 'site/debates.html')).toBe(false);
    expect(outputText(plain, 'handbook.md')).not.toContain('Debates');
    expect(outputText(plain, 'site/index.html')).not.toContain('debates.html');
  });
});
