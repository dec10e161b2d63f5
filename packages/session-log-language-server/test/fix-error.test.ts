// A fix-all that cannot fix is a bug in a rule (no built-in rule is known to cause one),
// so this test makes `fix` fail on purpose, in a server run in this process. Editors do
// not show a server's log: the reason must reach the user as a message.
import {PassThrough} from 'node:stream'
import {
  CodeActionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node'
import {createConnection} from 'vscode-languageserver/node.js'
import {describe, expect, it, vi} from 'vitest'
import {startServer} from '../src/server.js'
import {defects} from './documents.js'

vi.mock('remark-session-log', async (importOriginal) => {
  const real = await importOriginal<typeof import('remark-session-log')>()
  return {
    ...real,
    fix: () => {
      throw new real.FixError('Fixes did not settle after 10 passes: footer at 3:1', ['footer'])
    },
  }
})

describe('a fix-all that cannot fix', () => {
  it('tells the user why with window/showMessage and offers no edit', async () => {
    const toServer = new PassThrough()
    const toClient = new PassThrough()
    startServer(createConnection(toServer, toClient))
    const client = createProtocolConnection(
      new StreamMessageReader(toClient),
      new StreamMessageWriter(toServer),
    )
    const messages: ShowMessageParams[] = []
    const shown = new Promise<void>((resolve) =>
      client.onNotification(ShowMessageNotification.type, (params) => {
        messages.push(params)
        resolve()
      }),
    )
    client.listen()
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {},
    })
    await client.sendNotification(InitializedNotification.type, {})
    const uri = 'untitled:SESSION_LOG.md'
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text: defects},
    })
    const actions = (await client.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']},
    })) as CodeAction[]
    expect(actions).toEqual([])
    await shown
    expect(messages).toEqual([
      {
        type: 2,
        message:
          'session-log could not fix this log: Fixes did not settle after 10 passes: footer at 3:1',
      },
    ])
    client.dispose()
  })
})
