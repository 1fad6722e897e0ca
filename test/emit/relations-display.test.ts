/**
 * Typed relations shown both ways in every output that renders essays:
 * "Responds to *X*" on the declaring essay and "Responded to by *Y*" on its
 * target, each a link to the other essay (handbook.md, handbook.html, the
 * site's essay pages and the EPUB's chapters, all from one renderer).
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { emitAll, outputText, type OutputText } from '../../src/emit/index.js';
import { buildFixtureLibrary, emitFixture, FIXTURE_RELATIONS, fixtureConfig, fixtureWithRelations } from './build-fixture.js';

let files: OutputText[];
beforeAll(async () => {
  const config = resolveConfig({ ...fixtureConfig(), outputs: ['all'] });
  files = emitFixture(await buildFixtureLibrary(fixtureWithRelations(FIXTURE_RELATIONS), config), config);
});

/** The text of one essay in a handbook: from its heading to the next essay's. */
const essayIn = (text: string, heading: RegExp): string => {
  const start = text.search(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + 1);
  const next = rest.search(/\n### |<article/);
  return next === -1 ? rest : rest.slice(0, next);
};

describe('relations in the handbook', () => {
  it('should show each relation on both essays in handbook.md, with links', () => {
    const md = outputText(files, 'handbook.md');
    const deep = essayIn(md, /### <a id="note-deep-work"/);
    expect(deep).toContain("Contradicts [*Maker's Schedule, Manager's Schedule*](#note-makers-schedule)");
    expect(deep).toContain("Responds to [*Maker's Schedule, Manager's Schedule*](#note-makers-schedule)");
    const makers = essayIn(md, /### <a id="note-makers-schedule"/);
    expect(makers).toContain('Contradicted by [*Deep Work*](#note-deep-work)');
    expect(makers).toContain('Responded to by [*Deep Work*](#note-deep-work)');
    const committees = essayIn(md, /### <a id="note-committees"/);
    expect(committees).toContain("Built on by [*Amazon's Single-Threaded Model*](#note-single-threaded)");
    expect(essayIn(md, /### <a id="note-single-threaded"/)).toContain('Builds on [*How Do Committees Invent?*](#note-committees)');
    expect(essayIn(md, /### <a id="note-boring-tech"/)).not.toMatch(/Builds on|Built on by|Contradict|Respond/);
    // The related essays list the typed relation first, and say so.
    expect(committees).toMatch(/\*\*Related essays\*\*\n\n- \[Amazon's Single-Threaded Model\]\(#note-single-threaded\) — built on by(;|\n)/);
  });

  it('should show them in handbook.html as linked lines under the byline', () => {
    const html = outputText(files, 'handbook.html');
    const committees = essayIn(html, /<h3[^>]*id="user-content-note-committees"/);
    expect(committees).toMatch(/<p class="byline">[\s\S]*?<\/p>\n?<p class="essay-relation">Built on by <a href="#user-content-note-single-threaded"><em>Amazon's Single-Threaded Model<\/em><\/a><\/p>/);
  });

  it("should show them on the site's essay pages, linking to the other essay's page", () => {
    const page = outputText(files, 'site/essays/makers-schedule.html');
    expect(page).toContain('<p class="essay-relation">Contradicted by <a href="../essays/deep-work.html"><em>Deep Work</em></a></p>');
    expect(outputText(files, 'site/essays/deep-work.html')).toContain('<p class="essay-relation">Contradicts <a href="../essays/makers-schedule.html"><em>');
  });

  it('should show them in the EPUB chapters', () => {
    const epub = files.find((f) => f.name === 'handbook.epub')!.content as Uint8Array;
    const xhtml = Object.entries(unzipSync(epub)).filter(([name]) => name.endsWith('.xhtml')).map(([, bytes]) => new TextDecoder().decode(bytes)).join('\n');
    expect(xhtml).toContain('Built on by <a href="');
    expect(xhtml).toContain('<em>Amazon\'s Single-Threaded Model</em>');
  });

  it("should use a configured relation's phrases", async () => {
    const config = resolveConfig({ ...fixtureConfig(), relationTypes: { critiques: { phrase: 'Critiques', inverse: 'Critiqued by' } } });
    const library = await buildFixtureLibrary(fixtureWithRelations({ 'deep-work.md': 'relations:\n  critiques: [boring-tech]' }), config);
    const md = outputText(emitFixture(library, config), 'handbook.md');
    expect(essayIn(md, /### <a id="note-deep-work"/)).toContain('Critiques [*Choose Boring Technology*](#note-boring-tech)');
    expect(essayIn(md, /### <a id="note-boring-tech"/)).toContain('Critiqued by [*Deep Work*](#note-deep-work)');
  });
});
