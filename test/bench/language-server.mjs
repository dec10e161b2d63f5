// Times the language server as an editor sees it, through the real server over stdio: on
// opening a log, how long until the first diagnostics (its top entries, for a long log)
// and until all of them; after a one-character edit, how long until the new ones (for a
// long log, the last check revised at once, then the new check's) and whether the two
// lists agree; and how long a fix-all asked for right after opening (a save) takes.
import {spawn} from 'node:child_process'
import {performance} from 'node:perf_hooks'
import {setTimeout as sleep} from 'node:timers/promises'
import {fileURLToPath} from 'node:url'
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node'

const server = fileURLToPath(
  new URL('../../packages/session-log-language-server/dist/bin.js', import.meta.url),
)
const {changeDelay, progressiveFrom} = await import(
  new URL('../../packages/session-log-language-server/dist/documents.js', import.meta.url).href
)

/**
 * Milliseconds from `didOpen` to the first diagnostics (`top`) and to the whole list
 * (`whole`); the median from a one-character `didChange` to its first diagnostics over
 * `runs` edits (`edit`, which includes the server's wait for a pause in typing,
 * `changeDelay`) and to the new check's (`editChecked`), with how many edits were shown
 * revised first (`revised`) and how many of those lists were the check's (`agreed`); and from `didOpen` of another copy to the answer of a fix-all
 * asked for at once (`fixAll`).
 */
export async function timeLanguageServer(text, runs) {
  const child = spawn(process.execPath, [server, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  let waiting
  connection.onNotification('textDocument/publishDiagnostics', (params) => waiting?.(params))
  // A second list for the same version, or none within `ms` (a short log, or an edit only
  // the check could follow).
  const another = (ms) => Promise.race([next(), sleep(ms, undefined, {ref: false})])
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
    // From the moment the message is written: encoding 11 MB of JSON takes this client
    // about 250 ms at 5,000 entries, which is the editor's work, not the server's.
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri, languageId: 'markdown', version: 1, text},
    })
    const opened = performance.now()
    await published
    const top = performance.now() - opened
    if (text.length >= progressiveFrom) {
      published = next()
      await published
    }
    const whole = performance.now() - opened
    const line =
      text.slice(0, text.indexOf('### Learnings', Math.floor(text.length / 2))).split('\n').length -
      1
    const times = []
    const checkedTimes = []
    let revised = 0
    let agreed = 0
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
      const first = await published
      times.push(performance.now() - start)
      const checked = text.length >= progressiveFrom ? await another(30_000) : undefined
      // Without a revised list, the first was the check's.
      checkedTimes.push(checked ? performance.now() - start : times.at(-1))
      if (!checked) continue
      revised++
      if (JSON.stringify(checked.diagnostics) === JSON.stringify(first.diagnostics)) agreed++
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const edit = median(times)
    const editChecked = median(checkedTimes)

    const copy = 'file:///bench/copy/SESSION_LOG.md'
    const asked = performance.now()
    connection.sendNotification('textDocument/didOpen', {
      textDocument: {uri: copy, languageId: 'markdown', version: 1, text},
    })
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: copy},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll.session-log']},
    })
    const fixAll = performance.now() - asked
    if (!Array.isArray(actions)) throw new Error('no answer to fix-all')
    return {top, whole, edit, editChecked, revised, agreed, changeDelay, fixAll}
  } finally {
    // The server may already be gone (a crash is the figure's problem, not the run's).
    child.stdin.on('error', () => undefined)
    await connection.sendRequest('shutdown').catch(() => undefined)
    await connection.sendNotification('exit').catch(() => undefined)
    connection.dispose()
    child.kill()
  }
}
