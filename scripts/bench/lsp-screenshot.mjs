/**
 * The README's screenshot of `commonplace lsp` in Neovim: diagnostics and
 * completion after `[[` on the fixture library test/fixtures/lsp.
 *
 *   npm run compile && node scripts/bench/lsp-screenshot.mjs [--out docs/lsp-neovim.png]
 *
 * Neovim runs in a detached tmux pane of fixed size; the pane is captured
 * with its colours (`tmux capture-pane -e`), turned into HTML and rendered
 * to PNG by Chromium (playwright-core). Needs nvim, tmux and chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/lsp-neovim.png' } } });
const out = path.resolve(ROOT, values.out);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-shot-'));
cpSync(path.join(ROOT, 'test/fixtures/lsp'), path.join(dir, 'library'), { recursive: true });
writeFileSync(path.join(dir, 'commonplace.config.json'), JSON.stringify({ library: 'library' }));
writeFileSync(
  path.join(dir, 'init.lua'),
  `vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.completeopt = 'menuone,noinsert'
vim.o.wrap = false
vim.diagnostic.config({ update_in_insert = true })
local id = vim.lsp.start_client({ name = 'commonplace', cmd = { 'node', ${JSON.stringify(path.join(ROOT, 'bin/commonplace.js'))}, 'lsp' }, root_dir = ${JSON.stringify(dir)} })
vim.api.nvim_create_autocmd('BufReadPost', { pattern = '*.md', callback = function(args)
  vim.lsp.buf_attach_client(args.buf, id)
  vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
end })
-- Show the server's completion list for the text after [[ (0.7's omnifunc filters case-sensitively).
vim.keymap.set('i', '<C-l>', function()
  local line = vim.api.nvim_get_current_line():sub(1, vim.api.nvim_win_get_cursor(0)[2])
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/completion', vim.lsp.util.make_position_params(), 5000) or {}
  local items = {}
  for _, response in pairs(responses) do
    for _, item in ipairs((response.result or {}).items or {}) do
      table.insert(items, { word = item.textEdit.newText, abbr = item.label, kind = vim.lsp.protocol.CompletionItemKind[item.kind], menu = item.detail })
    end
  end
  vim.fn.complete(line:find('%[%[[^%[]*$') + 2, items)
end)
`,
);

const session = `commonplace-shot-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', args, { encoding: 'utf8' });
try {
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', '-c', dir, `TERM=xterm-256color nvim -u ${path.join(dir, 'init.lua')} -i NONE -n library/missing-parts.md`);
  await sleep(20000);
  // To the summary line, then a new line typing a link: the completion menu opens.
  for (const keys of [['8G'], ['o'], ['Read next: [['], ['C-l']]) {
    tmux('send-keys', '-t', session, ...keys);
    await sleep(4000);
  }
  const ansi = tmux('capture-pane', '-t', session, '-e', '-p');
  mkdirSync(path.dirname(out), { recursive: true });
  await render(ansi, out);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}

/** The xterm 256-colour palette as CSS colours. */
function palette(n) {
  const base = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
  if (n < 16) return base[n];
  if (n < 232) {
    const i = n - 16;
    const level = (v) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
}

/** The captured pane (SGR colour codes only) as HTML spans. */
function toHtml(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let fg = null;
  let bg = null;
  let bold = false;
  let html = '';
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (!sgr) {
      if (part) html += `<span style="${fg ? `color:${fg};` : ''}${bg ? `background:${bg};` : ''}${bold ? 'font-weight:bold;' : ''}">${escape(part)}</span>`;
      continue;
    }
    const codes = sgr[1] === '' ? [0] : sgr[1].split(';').map(Number);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) [fg, bg, bold] = [null, null, false];
      else if (c === 1) bold = true;
      else if (c === 22) bold = false;
      else if (c >= 30 && c <= 37) fg = palette(c - 30);
      else if (c >= 90 && c <= 97) fg = palette(c - 90 + 8);
      else if (c >= 40 && c <= 47) bg = palette(c - 40);
      else if (c >= 100 && c <= 107) bg = palette(c - 100 + 8);
      else if (c === 39) fg = null;
      else if (c === 49) bg = null;
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        const colour = palette(codes[i + 2]);
        if (c === 38) fg = colour;
        else bg = colour;
        i += 2;
      } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
        const colour = `rgb(${codes[i + 2]},${codes[i + 3]},${codes[i + 4]})`;
        if (c === 38) fg = colour;
        else bg = colour;
        i += 4;
      }
    }
  }
  return html;
}

async function render(ansi, file) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 560 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:10px;font:14px/1.25 'DejaVu Sans Mono',monospace;color:#e5e5e5;background:#1e1e1e">${toHtml(ansi)}</pre></body>`);
    const size = await page.evaluate(() => ({ width: document.querySelector('pre').scrollWidth + 20, height: document.querySelector('pre').scrollHeight + 20 }));
    await page.setViewportSize(size);
    await page.screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
