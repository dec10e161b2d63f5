import {Linter, loadTemplate, renderEntry, renderLog} from 'remark-session-log'

/**
 * Checks a small log made from the built-in template, a chunk at a time, until the editor
 * opens its first document. Right after `initialized` the editor is busy reading and
 * encoding that document, and the server would wait idle; this compiles the parser's
 * code meanwhile, which a long log's first step otherwise pays for: its top entries'
 * diagnostics came 60–100 ms sooner at 5,000 entries and 20–40 ms at 100 and 1,000
 * (`pnpm bench`). A step is one chunk, so a document that arrives meanwhile waits for at
 * most one.
 */
export async function warmUp(nothingOpen: () => boolean): Promise<void> {
  const schema = loadTemplate()
  const values = {title: 'Warm-up', date: '2026-01-01', engineer: 'A', tool: 'B', feature: 'C'}
  const entry = renderEntry(schema, values)
  const steps = new Linter().lintInSteps(renderLog(schema, `${entry}\n\n${entry}`), {
    first: 1,
    stepMs: 0,
  })
  while (nothingOpen() && !steps.next().done) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}
