" session-log-language-server in Vim with ALE: put this in your vimrc. ALE shows the
" diagnostics; it cannot apply the server's fix-all on save (use `session-log fix`).
packadd! ale " Debian's vim-ale package; leave this out when a plugin manager loads ALE
filetype plugin on
call ale#linter#Define('markdown', {
\   'name': 'session_log',
\   'lsp': 'stdio',
\   'executable': 'session-log-language-server',
\   'command': '%e --stdio',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\   'lsp_config': {'sessionLog': {'files': ['**/SESSION_LOG.md']}},
\})
" Add your other Markdown linters to the list.
let g:ale_linters = {'markdown': ['session_log']}
