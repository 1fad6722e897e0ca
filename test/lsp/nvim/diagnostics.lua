-- Headless Neovim 0.7 as an LSP client of `commonplace lsp`: opens the note
-- named by $NOTE, waits for its diagnostics, asks for completion after `[[`
-- and writes what it got to $OUT as JSON. Run by test/lsp/neovim.test.ts.
local note = os.getenv('NOTE')
local out = os.getenv('OUT')
local root = os.getenv('ROOT')
local bin = os.getenv('BIN')

vim.cmd('edit ' .. vim.fn.fnameescape(note))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'commonplace',
  cmd = { 'node', bin, 'lsp' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'library' } },
})
vim.lsp.buf_attach_client(buf, client)

local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local result = { attached = ok, diagnostics = {}, completion = {} }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { code = d.code, lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
end

-- Type `[[how` at the end of the summary line (line 10) and ask for completion there.
vim.api.nvim_buf_set_lines(buf, 9, 10, false, { vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1] .. ' [[how' })
local line = vim.api.nvim_buf_get_lines(buf, 9, 10, false)[1]
local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 9, character = #line } }
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 10000) or {}
for _, response in pairs(responses) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end

local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
