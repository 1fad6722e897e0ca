/**
 * Times the pictures (src/emit/pictures) on a library, in one process with
 * the compiled `lib/` and no cache: the graph, the map (plan, d3-force
 * layout, labels, hast), the timeline, every essay's neighbourhood, each
 * serialised; with wall and CPU time (user + system) and the SVG sizes.
 *
 *   node scripts/bench/pictures.mjs PROJECT_DIR [--html PAGE]
 *
 * `--html PAGE` also writes the map and timeline on a page of their own
 * (with the handbook's stylesheet), to look at or screenshot.
 * PROJECT_DIR holds `library/` (and `commonplace.config.json` if any), as
 * `npm run gen-corpus -- --out DIR/library` makes it. Prints one JSON object.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib');
const project = path.resolve(process.argv[2] ?? '.');

const { loadConfig } = await import(`${lib}/config.js`);
const { readLibrary } = await import(`${lib}/read/index.js`);
const { loadGlossary } = await import(`${lib}/link/glossary.js`);
const { linkLibrary } = await import(`${lib}/link/index.js`);
const { createContext } = await import(`${lib}/emit/context.js`);
const { serialiseHtml } = await import(`${lib}/emit/html-essay.js`);
const { contextGraph, neighbourLookup, neighbourhoodData, neighbourhoodFigure } = await import(`${lib}/emit/pictures/index.js`);
const { libraryMapFigure } = await import(`${lib}/emit/pictures/map.js`);
const { timelineFigure } = await import(`${lib}/emit/pictures/timeline.js`);

const { config } = loadConfig(project);
const root = path.resolve(project, config.library);
const read = await readLibrary(root, config, {});
const library = linkLibrary(read.notes, loadGlossary(root, config).concepts, config);
const ctx = createContext(library, config);

const results = {};
/** Runs `fn`, recording wall and CPU milliseconds under `name`. */
function timed(name, fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  results[name] = { wallMs: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
  return value;
}

const graph = timed('graph', () => contextGraph(ctx));
const map = timed('map (plan, layout, labels, serialise)', () => serialiseHtml([libraryMapFigure(graph)]));
const timeline = timed('timeline', () => serialiseHtml([timelineFigure(graph, () => '#')]));
const lookup = neighbourLookup(ctx);
let neighbourhoodBytes = 0;
let neighbourhoods = 0;
timed('every neighbourhood', () => {
  for (const linked of library.notes) {
    const data = neighbourhoodData(linked, lookup);
    if (!data) continue;
    neighbourhoods++;
    neighbourhoodBytes += Buffer.byteLength(serialiseHtml([neighbourhoodFigure(data)]));
  }
});
const page = process.argv.indexOf('--html');
if (page > 0) {
  const style = readFileSync(path.resolve(lib, '../templates/handbook.css'), 'utf8');
  writeFileSync(process.argv[page + 1], `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Map</title><style>${style}</style><main>${map}${timeline}</main></html>\n`);
}
const svgBytes = (html) => Buffer.byteLength(html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '');
process.stdout.write(
  `${JSON.stringify({
    essays: graph.nodes.length,
    edges: graph.edges.length,
    ...results,
    mapSvgBytes: svgBytes(map),
    timelineSvgBytes: svgBytes(timeline),
    neighbourhoods,
    neighbourhoodBytesAverage: neighbourhoods ? Math.round(neighbourhoodBytes / neighbourhoods) : 0,
  })}\n`,
);
