// A language server started as an editor starts it, from a command: initialized over
// stdio, handed one document, and asked for nothing but its diagnostics.
import {spawn} from 'node:child_process'
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node'

export interface Checked {
  serverName: string | undefined
  diagnostics: Diagnostic[]
}

/** Starts `command args --stdio` in `cwd`, opens `text` as `uri` and returns what it says. */
export async function checkOverStdio(
  command: string,
  args: string[],
  cwd: string,
  uri: string,
  text: string,
): Promise<Checked> {
  const child = spawn(command, [...args, '--stdio'], {cwd})
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  )
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, resolve),
  )
  connection.listen()
  try {
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {},
    })
    await connection.sendNotification(InitializedNotification.type, {})
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text},
    })
    const {diagnostics} = await published
    return {serverName: result.serverInfo?.name, diagnostics}
  } finally {
    connection.dispose()
    child.kill()
  }
}
