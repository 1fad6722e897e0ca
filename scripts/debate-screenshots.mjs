// Takes the README's screenshots of a debate and of an essay's relation lines, from a build of the bundled library:
//   node scripts/debate-screenshots.mjs docs/screenshots   (needs npm run compile and /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
const repo = fileURLToPath(new URL('..', import.meta.url));
const cwd = mkdtempSync('/tmp/debate-shots-');
cpSync(path.join(repo, 'library'), path.join(cwd, 'library'), { recursive: true });
cpSync(path.join(repo, 'commonplace.config.json'), path.join(cwd, 'commonplace.config.json'));
execFileSync(process.execPath, [path.join(repo, 'bin', 'commonplace.js'), 'build', '--no-cache', '--outputs', 'html,site'], { cwd, stdio: 'inherit' });
const site = pathToFileURL(path.join(cwd, 'dist', 'site')).href;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const errors = [];
const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
const page = await ctx.newPage();
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(`${site}/debates.html`);
await page.screenshot({ path: `${out}/site-debate-light.png` });
await page.goto(`${site}/essays/how-do-committees-invent.html`);
await page.locator('.essay-relation').first().scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/site-relations-light.png`, clip: { x: 0, y: 0, width: 1100, height: 420 } });
await browser.close();
rmSync(cwd, { recursive: true, force: true });
if (errors.length > 0) throw new Error(`console errors: ${errors.join('; ')}`);
