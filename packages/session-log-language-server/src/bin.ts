#!/usr/bin/env node
import {
  ConnectionError,
  ConnectionErrors,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/node.js'
import {startServer} from './server.js'

// A request the server sends as the client goes away fails to be written, and
// vscode-jsonrpc reports that failure through the closed connection, which throws inside
// a promise no caller holds. The client is gone: end as the library ends when a client
// leaves without `shutdown` (exit 1), without a stack trace on stderr. Anything else is
// a bug and still ends the server loudly.
process.on('unhandledRejection', (reason) => {
  const closed =
    reason instanceof ConnectionError &&
    (reason.code === ConnectionErrors.Closed || reason.code === ConnectionErrors.Disposed)
  if (closed) process.exit(1)
  throw reason
})

// The transport comes from the command line: `--stdio`, `--node-ipc` or `--socket=<port>`.
startServer(createConnection(ProposedFeatures.all))
