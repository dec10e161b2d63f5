// Vitest's global setup: one folder for the temporary folders of helper modules, removed
// when the run ends. A helper module shared by the test files of a worker cannot remove
// them itself: its `afterAll` would belong to the first file that imported it, and a
// worker is stopped without running exit handlers.
import {chmodSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TestProject} from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    tempRoot: string
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'session-log-tests-'))
  // Some tests run the command as another user, who must reach the folders inside.
  chmodSync(root, 0o755)
  project.provide('tempRoot', root)
  return () => rmSync(root, {recursive: true, force: true})
}
