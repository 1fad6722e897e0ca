/**
 * `dist/handbook.pdf` (opt-in): the handbook as one print document
 * (pdf-document.ts) printed by the system Chromium through playwright-core.
 * Printing is asynchronous, so the build prints before it writes
 * (`prerenderPdf`, like `prerenderEssays`) and `emitEach` then yields the
 * bytes; a missing Chromium is reported as one line and the other outputs
 * are written all the same.
 *
 * The contents' page numbers take two prints: the first, with an empty
 * page-number column, says on which page each chapter and essay lands
 * (pdf-pages.ts reads the PDF's named destinations); the second fills the
 * column in, and is kept only if every destination stayed on its page.
 * Chromium has no CSS `target-counter()`, and Paged.js, which polyfills it,
 * paginates in script: slower than Chromium's own layout by far at
 * thousands of pages, and it would replace the native `@page` margin boxes.
 *
 * Chromium stamps each PDF with the time it was made and a random document
 * id; both are overwritten in place with values of the same length (the
 * `SOURCE_DATE_EPOCH` date, else 1980-01-01, and a hash of the rest of the
 * file), so the cross-reference offsets hold and the bytes are reproducible.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import type { Library } from '../types.js';
import { writeTempChunks, commitTemp } from '../util/fs-write.js';
import { renderedEssays, type RenderedEssays } from './essay-output.js';
import type { EssayBodies } from './context.js';
import type { EmitMemo } from './memo.js';
import { pdfDocumentChunks, type ContentsPages } from './pdf-document.js';
import { destinationPages } from './pdf-pages.js';
import { HTML_NOTE_LIMIT } from './handbook-html.js';

/**
 * What printing gave for a library: the bytes; or a problem (no Chromium,
 * a failed print: the build exits 2); or a notice (a library past
 * `PDF_NOTE_LIMIT`, not printed on purpose: the build succeeds).
 */
export type PdfResult = { bytes: Uint8Array } | { problem: string } | { notice: string };

/**
 * Libraries with more notes than this get no PDF, with a notice: 1,000
 * notes already make a ~5,000-page, ~95 MB file that takes Chromium minutes
 * and gigabytes to print (scripts/bench/README.md), past any use on paper.
 */
export const PDF_NOTE_LIMIT = 2000;

/** Where Chromium is looked for, in order, after `COMMONPLACE_CHROMIUM`. */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** The Chromium to print with, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.COMMONPLACE_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return existsSync(chosen) ? chosen : undefined;
  return CHROMIUM_PATHS.find((file) => existsSync(file));
}

/** The message when there is no Chromium to print with. */
export const NO_CHROMIUM =
  'handbook.pdf not written: Chromium was not found; install it (Debian/Ubuntu: apt-get install chromium) or set COMMONPLACE_CHROMIUM to a Chromium or Chrome binary';

/** Options of `prerenderPdf`. */
export interface PdfOptions {
  /** Where essays' sources and trees are fetched (see `EssayBodies`). */
  bodies: EssayBodies;
  /** This build's essays (`prerenderEssays`); rendered (or recalled from `memo`) without it. */
  essays?: RenderedEssays | undefined;
  memo?: EmitMemo | undefined;
  sourceDateEpoch?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** Prints after the first at most, before the contents' page numbers are given up as unsettled. */
const MAX_REPRINTS = 3;

/** Prints the handbook; never throws (a failure becomes the result's problem, and the other outputs are still written). */
export async function prerenderPdf(library: Library, config: Config, options: PdfOptions): Promise<PdfResult> {
  if (library.notes.length > PDF_NOTE_LIMIT) {
    const instead = library.notes.length > HTML_NOTE_LIMIT ? 'read dist/site/index.html instead' : 'print chapters from handbook.html instead';
    return { notice: `handbook.pdf not written: ${library.notes.length} notes are past the PDF's limit of ${PDF_NOTE_LIMIT} (thousands of pages); ${instead}` };
  }
  const executablePath = findChromium(options.env);
  if (!executablePath) return { problem: NO_CHROMIUM };
  try {
    return { bytes: await printPdf(library, config, executablePath, options) };
  } catch (error) {
    return { problem: `handbook.pdf not written: Chromium failed to print it: ${String((error as Error).message ?? error).split('\n')[0]}` };
  }
}

async function printPdf(library: Library, config: Config, executablePath: string, options: PdfOptions): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core'); // only a build that prints loads it
  const essays = options.essays ?? renderedEssays(library, config, options.bodies, options.memo);
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-pdf-'));
  try {
    const file = path.join(dir, 'handbook-print.html');
    const browser = await chromium.launch({ executablePath, args: ARGS });
    try {
      const page = await browser.newPage();
      const print = async (numbers: ContentsPages): Promise<Buffer> => {
        commitTemp(writeTempChunks(file, pdfDocumentChunks(essays, config, numbers)), file);
        // A large handbook takes minutes to lay out: no timeout but the build's own.
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
        return page.pdf({ preferCSSPageSize: true, outline: true, tagged: true });
      };
      // The first print's column width is a guess (a few pages an essay); a wrong one costs a print.
      let numbers: ContentsPages = { pages: new Map(), digits: digits(4 * library.notes.length + 4) };
      for (let reprint = 0; reprint <= MAX_REPRINTS; reprint++) {
        const pdf = await print(numbers);
        const pages = destinationPages(pdf);
        if (reprint > 0 && samePages(pages, numbers.pages)) return reproducible(pdf, options.sourceDateEpoch);
        numbers = { pages, digits: digits([...pages.values()].reduce((a, b) => Math.max(a, b), 1)) };
      }
      throw new Error(`the contents' page numbers still moved after ${MAX_REPRINTS + 1} prints`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const digits = (n: number): number => String(n).length;

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([name, page]) => b.get(name) === page);

/** The PDF with its dates and document id overwritten in place (same lengths, so every offset holds). */
export function reproducible(pdf: Buffer, sourceDateEpoch: string | undefined): Buffer {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const seconds = sourceDateEpoch !== undefined && /^\d{1,12}$/.test(sourceDateEpoch.trim()) ? Number(sourceDateEpoch.trim()) : 315532800;
  const date = new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  for (const match of text.matchAll(/\/(?:CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)/g)) {
    const start = match.index + match[0].indexOf('(D:') + 3;
    out.write(date, start, 'latin1');
    const zone = match[2]!;
    if (zone !== '') out.write("Z00'00'".slice(0, zone.length).padEnd(zone.length, ' '), start + 14, 'latin1');
  }
  const ids = [...text.matchAll(/\/ID ?\[ ?<([0-9A-Fa-f]+)> ?<([0-9A-Fa-f]+)> ?\]/g)];
  if (ids.length > 0) {
    // The id is a hash of the file with its ids blanked, so it follows the content only.
    for (const match of ids) out.fill('0', match.index, match.index + match[0].length, 'latin1');
    const digest = createHash('sha256').update(out).digest('hex').toUpperCase();
    for (const match of ids) {
      const [whole, first, second] = match as unknown as [string, string, string];
      const id = (n: number): string => digest.repeat(Math.ceil(n / digest.length)).slice(0, n);
      out.write(whole.replace(first, id(first.length)).replace(new RegExp(`${second}(?=> ?\\]$)`), id(second.length)), match.index, 'latin1');
    }
  }
  return out;
}
