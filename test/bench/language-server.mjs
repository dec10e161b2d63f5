// Times the language server as an editor sees it: after a one-character edit, how long
// until the new diagnostics arrive, through the real server over stdio.
import {spawn} from 'node:child_process'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node'

const server = fileURLToPath(
  new URL('../../packages/session-log-language-server/dist/bin.js', import.meta.url),
)

/** Median milliseconds from `didChange` (one character) to `publishDiagnostics`, over `runs` edits. */
export async function timeLanguageServer(text, runs) {
  const child = spawn(process.execPath, [server, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  let waiting
  connection.onNotification('textDocument/publishDiagnostics', (params) => waiting?.(params))
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})))
  connection.listen()
  const uri = 'file:///bench/SESSION_LOG.md'
  const next = () => new Promise((resolve) => (waiting = resolve))
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    })
    connection.sendNotification('initialized', {})
    let published = next()
    connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri, languageId: 'markdown', version: 1, text},
    })
    await published
    const line =
      text.slice(0, text.indexOf('### Learnings', Math.floor(text.length / 2))).split('\n').length -
      1
    const times = []
    for (let version = 2; version < runs + 2; version++) {
      // Type a character, then delete it: the document alternates between two texts.
      const typing = version % 2 === 0
      const range = {start: {line, character: 0}, end: {line, character: typing ? 0 : 1}}
      published = next()
      const start = performance.now()
      connection.sendNotification('textDocument/didChange', {
        textDocument: {uri, version},
        contentChanges: [{range, text: typing ? 'x' : ''}],
      })
      await published
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)]
  } finally {
    // The server may already be gone (a crash is the figure's problem, not the run's).
    child.stdin.on('error', () => undefined)
    await connection.sendRequest('shutdown').catch(() => undefined)
    await connection.sendNotification('exit').catch(() => undefined)
    connection.dispose()
    child.kill()
  }
}
