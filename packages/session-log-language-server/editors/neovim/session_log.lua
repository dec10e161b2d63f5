-- session-log-language-server in Neovim 0.7 or later, with no plugin: put this in your
-- init.lua. Neovim 0.11 and later configure it with vim.lsp.config; older ones start it
-- for each Markdown buffer.
local markers = { '.session-logrc', '.session-logrc.json', 'package.json', '.git' }
local server = {
  name = 'session_log',
  cmd = { 'session-log-language-server', '--stdio' },
  -- Answered when the server asks for the `sessionLog` section.
  settings = {
    sessionLog = {
      files = { '**/SESSION_LOG.md' },
    },
  },
}

if vim.lsp.config and vim.lsp.enable then
  vim.lsp.config('session_log', vim.tbl_extend('force', server, {
    filetypes = { 'markdown' },
    root_markers = markers,
  }))
  vim.lsp.enable('session_log')
else
  -- The nearest folder above the file that holds one of the markers; else the file's own.
  local function root_of(file)
    local folder = vim.fn.fnamemodify(file, ':p:h')
    for _, marker in ipairs(markers) do
      local found = vim.fn.findfile(marker, folder .. ';')
      if found == '' then
        found = vim.fn.finddir(marker, folder .. ';')
      end
      if found ~= '' then
        local path = vim.fn.fnamemodify(found, ':p'):gsub('/$', '')
        return vim.fn.fnamemodify(path, ':h')
      end
    end
    return folder
  end

  local clients = {}
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'markdown',
    callback = function(args)
      local config = vim.tbl_extend('force', server, { root_dir = root_of(args.file) })
      if vim.lsp.start then
        vim.lsp.start(config) -- Neovim 0.8 to 0.10: reuses the client of that root.
        return
      end
      local id = clients[config.root_dir]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client(config)
        clients[config.root_dir] = id
      end
      vim.lsp.buf_attach_client(args.buf, id)
    end,
  })
end

-- Fix what can be fixed before a session log is written. The request waits (up to two
-- seconds) so the fixes land in the file being saved, which keeps its last line as it
-- was: `session-log fix` adds no newline to a file that ends without one.
vim.api.nvim_create_autocmd('BufWritePre', {
  pattern = 'SESSION_LOG.md',
  callback = function(args)
    vim.bo[args.buf].fixendofline = false
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(args.buf),
      range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
      context = { only = { 'source.fixAll.session-log' }, diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(args.buf, 'textDocument/codeAction', params, 2000)
    for _, response in pairs(responses or {}) do
      for _, action in ipairs(response.result or {}) do
        if action.edit then
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        end
      end
    end
  end,
})
