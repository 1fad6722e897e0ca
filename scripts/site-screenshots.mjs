// Takes the README's screenshots of dist/site (light, dark), of its map and timeline, and of serve's error overlay:
//   node scripts/site-screenshots.mjs docs/screenshots   (needs npm run compile and /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
const repo = fileURLToPath(new URL('..', import.meta.url));
const cwd = mkdtempSync('/tmp/shots-');
cpSync(path.join(repo, 'library'), path.join(cwd, 'library'), { recursive: true });
// The bundled config too, for its chapters (the map is coloured by chapter).
cpSync(path.join(repo, 'commonplace.config.json'), path.join(cwd, 'commonplace.config.json'));
const child = spawn(process.execPath, [path.join(repo, 'bin', 'commonplace.js'), 'serve', '--port', '0'], { cwd });
let text = '';
child.stdout.on('data', (d) => (text += d));
while (!/Serving (\S+)/.test(text)) await new Promise((r) => setTimeout(r, 100));
const url = /Serving (\S+)/.exec(text)[1];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
for (const scheme of ['dark', 'light']) {
  const ctx = await b.newContext({ viewport: { width: 1100, height: 760 }, colorScheme: scheme });
  const p = await ctx.newPage();
  await p.goto(url + 'essays/makers-schedule-managers-schedule.html');
  await p.screenshot({ path: `${out}/site-essay-${scheme}.png` });
  await p.goto(url + 'index.html');
  await p.locator('section.pictures').screenshot({ path: `${out}/map-${scheme}.png` });
  if (scheme === 'light') {
    await p.goto(url + 'concepts/' + 'makers-schedule.html');
    await p.screenshot({ path: `${out}/site-concept-light.png` });
    await p.goto(url + 'essays/makers-schedule-managers-schedule.html');
    await p.waitForTimeout(500);
    const note = path.join(cwd, 'library', 'makers-schedule-managers-schedule.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace(/^title: .*$/m, 'title:'));
    await p.waitForSelector('#commonplace-overlay', { timeout: 60000 });
    await p.screenshot({ path: `${out}/serve-overlay.png` });
  }
  await ctx.close();
}
await b.close();
child.kill('SIGINT');
await new Promise((r) => child.on('exit', r));
rmSync(cwd, { recursive: true, force: true });
