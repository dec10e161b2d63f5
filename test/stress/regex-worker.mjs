// Runs in a worker thread, so that a regular expression that backtracks for minutes can
// be stopped from outside: the test terminates the worker when it stops reporting.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parentPort, workerData} from 'node:worker_threads'

const {literals, root, length} = workerData

// Every `new RegExp(...)` of the packages while they lint, fix and scaffold real logs:
// those patterns are built from template text and exist only at run time.
const built = new Map()
const Original = RegExp
globalThis.RegExp = new Proxy(Original, {
  construct(target, args, newTarget) {
    const regex = Reflect.construct(target, args, newTarget)
    const caller = (new Error().stack ?? '').split('\n')[2] ?? ''
    const own = /packages\/[\w-]+\/dist\/([\w/.-]+):(\d+)/.exec(caller)
    if (own && !built.has(`${regex.source}/${regex.flags}`)) {
      built.set(`${regex.source}/${regex.flags}`, {
        source: regex.source,
        flags: regex.flags,
        where: `${own[1]}:${own[2]} (built at run time)`,
      })
    }
    return regex
  },
})

const plugin = await import(join(root, 'packages/remark-session-log/dist/index.js'))
const today = '2026-06-01'
for (const folder of ['fixtures/valid', 'fixtures/fix']) {
  for (const file of readdirSync(join(root, folder))) {
    if (!file.endsWith('.md')) continue
    const text = readFileSync(join(root, folder, file), 'utf8')
    plugin.lint(text, {today})
    try {
      plugin.fix(text, {today})
      plugin.insertEntry(text, {title: 'Probe'}, {})
    } catch {
      // A log the fixer or scaffold refuses still built its patterns.
    }
  }
}
globalThis.RegExp = Original

const probes = [...literals, ...built.values()]
parentPort.postMessage({kind: 'count', count: probes.length, built: built.size})

for (const [index, probe] of probes.entries()) {
  const inputs = adversarial(probe.source, probe.attacks ?? [], length)
  parentPort.postMessage({kind: 'start', index, probe: describe(probe)})
  // A global scan tries every start position, as `replace`, `matchAll` and an unanchored
  // `exec` that finds nothing all do.
  const regex = new Original(
    probe.source,
    probe.flags.includes('g') ? probe.flags : `${probe.flags}g`,
  )
  let slowest = {ms: 0, input: ''}
  for (const input of inputs) {
    const start = performance.now()
    input.replace(regex, '')
    const ms = performance.now() - start
    if (ms > slowest.ms) slowest = {ms, input: preview(input)}
  }
  parentPort.postMessage({
    kind: 'done',
    index,
    probe: describe(probe),
    inputs: inputs.length,
    slowest,
  })
}
parentPort.postMessage({kind: 'end'})

function describe(probe) {
  return `${probe.where} /${probe.source}/${probe.flags}`
}

function preview(input) {
  const runs = []
  for (let at = 0; at < input.length && runs.length < 6;) {
    let end = at
    while (end < input.length && input[end] === input[at]) end++
    runs.push(
      end - at > 3
        ? `${JSON.stringify(input[at])}x${end - at}`
        : JSON.stringify(input.slice(at, end)),
    )
    at = end
  }
  return runs.join(' + ')
}

/**
 * Strings of about `length` characters made to make a pattern backtrack: one character,
 * or two alternating, repeated, after a literal piece of the pattern and before a
 * character that makes the match fail at the end.
 */
function adversarial(source, attacks, length) {
  const {chars, words} = piecesOf(source)
  // Pairs multiply the inputs; they are tried for patterns that name few characters.
  const pumps = new Set(chars.length <= 7 ? [...chars, ...pairs(chars)] : chars)
  const prefixes = ['', ...new Set(words)].slice(0, 3)
  const suffixes = ['\u0000\n!']
  const inputs = []
  for (const pump of pumps) {
    const body = pump.repeat(Math.ceil(length / pump.length))
    for (const prefix of prefixes)
      for (const suffix of suffixes) inputs.push(prefix + body + suffix)
  }
  for (const attack of attacks) {
    const body = attack.pump.repeat(Math.ceil(length / attack.pump.length))
    inputs.push(attack.prefix + body + attack.suffix)
  }
  return inputs
}

// The characters a pattern names, and stand-ins for the classes it uses.
function piecesOf(source) {
  const chars = new Set([' ', '\t', 'a', '1'])
  const words = []
  let word = ''
  const classes = {
    d: '1',
    D: 'a',
    w: 'a',
    W: ' ',
    s: ' ',
    S: 'a',
    b: '',
    B: '',
    n: '\n',
    r: '\r',
    t: '\t',
  }
  for (let i = 0; i < source.length; i++) {
    let char = source[i]
    if (char === '\\') {
      const next = source[++i] ?? ''
      if (next in classes) {
        if (classes[next]) chars.add(classes[next])
        if (word) words.push(word)
        word = ''
        continue
      }
      if (next === 'u' || next === 'x' || next === 'p' || next === 'P') {
        if (word) words.push(word)
        word = ''
        continue
      }
      char = next
    } else if ('^$()[]{}|?+*.'.includes(char)) {
      if (char === '.') chars.add('a')
      if (word) words.push(word)
      word = ''
      continue
    }
    chars.add(char)
    word += char
  }
  if (word) words.push(word)
  return {chars: [...chars].filter((char) => char.length === 1), words}
}

// Two different characters alternating catch patterns whose repeated part is two long.
function pairs(chars) {
  const result = []
  for (const a of chars) for (const b of chars) if (a < b) result.push(a + b)
  return result
}
