// Node start-up plus loading every module of the bundled CLI, without running it: the
// floor of `session-log check` on a tiny log.
import '../../dist-bundle/chunk.mjs'
