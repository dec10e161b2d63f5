// One in-process figure of `pnpm bench`, measured in a process of its own:
//   node --expose-gc test/bench/in-process.mjs <lines|floor|lint|remark|fix|relint> <entries> <runs>
// prints the median milliseconds of one action. Each figure gets a fresh heap, so what one
// measurement leaves behind (the floor's parse of 5,000 entries leaves gigabytes, and a
// heap grown that large collects less often afterwards) does not change the next.
import {performance} from 'node:perf_hooks'
import remarkParse from 'remark-parse'
import remarkSessionLog, {fix, lint, lintDocument, Linter} from 'remark-session-log'
import {unified} from 'unified'
import {parseFloor} from './floor.mjs'
import {generateLog, typedIn} from './generate.mjs'

const [measure, entries, runs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])]
const collect = globalThis.gc ?? (() => undefined)

/**
 * Median time of one `action`. A short action is repeated within each timed run until the
 * run lasts at least `minRunMs`, so that a few milliseconds of noise do not decide it.
 * Each timed run starts on a collected heap.
 */
function timeInProcess(action, minRunMs = 200) {
  // Warm-up: module loading and JIT are not what is measured. A short action is warmed
  // twice, the second call saying how long one takes.
  let start = performance.now()
  action()
  let once = performance.now() - start
  if (once < minRunMs) {
    start = performance.now()
    action()
    once = performance.now() - start
  }
  const repeat = Math.max(1, Math.ceil(minRunMs / Math.max(once, 0.01)))
  const times = []
  for (let i = 0; i < runs; i++) {
    collect()
    const begin = performance.now()
    for (let j = 0; j < repeat; j++) action()
    times.push((performance.now() - begin) / repeat)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

function action() {
  const text = generateLog(entries, {seed: entries})
  // The physical limit: the log's text split into lines, what any reader must do at least.
  if (measure === 'lines') return () => text.split(/\r\n|\n|\r/).length
  if (measure === 'floor') return () => parseFloor(text)
  if (measure === 'lint') return () => lint(text)
  if (measure === 'remark') {
    // `remark --use session-log` in-process: the tree from the parser the plugin gives
    // remark, linted as the plugin's transformer lints it (no settings file to look for).
    const processor = unified().use(remarkParse).use(remarkSessionLog).freeze()
    return () => lintDocument(text, {}, processor.parse(text))
  }
  if (measure === 'fix') {
    const defective = generateLog(entries, {seed: entries, defectRate: 0.05})
    return () => fix(defective)
  }
  if (measure === 'relint') {
    // An editor's re-lint: one character typed in the middle of the log, then removed.
    const linter = new Linter()
    linter.lint(text)
    let typed = 0
    return () => linter.lint(typedIn(text, 'x'.repeat(++typed % 2)))
  }
  throw new Error(`unknown measure ${measure}`)
}

console.log(JSON.stringify(timeInProcess(action())))
