import {Linter, loadTemplate, renderEntry, renderLog} from 'remark-session-log'

/**
 * Checks a small log made from the built-in template, a chunk at a time, `rounds` times
 * over, until the editor opens its first document. Right after `initialized` the editor
 * is busy reading and encoding that document, and the server would wait idle; this
 * compiles the parser's code meanwhile, which a long log's first step otherwise pays for.
 * One round left that step at about 100 ms against 36 ms warm (V8 optimises code that
 * has run many times). Through the bench's client, medians of 5, a 5,000-entry log's top
 * diagnostics came in 238–244 ms after 20 rounds, 292–315 ms after one and 316–384 ms
 * with none; a 1,000-entry log's in 150 ms against 158 ms; 60 rounds were no better. A
 * step is one chunk, so a document that arrives meanwhile waits for one at most: a
 * 1-entry log's came in 131–135 ms against 97–123 ms after one round.
 */
export async function warmUp(nothingOpen: () => boolean, rounds = 20): Promise<void> {
  const schema = loadTemplate()
  const values = {title: 'Warm-up', date: '2026-01-01', engineer: 'A', tool: 'B', feature: 'C'}
  const entry = renderEntry(schema, values)
  const sample = renderLog(schema, `${entry}\n\n${entry}`)
  for (let round = 0; round < rounds; round++) {
    // A new linter each round, whose empty cache parses the sample again.
    const steps = new Linter().lintInSteps(sample, {first: 1, stepMs: 0})
    for (;;) {
      if (!nothingOpen()) return
      if (steps.next().done) break
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}
