// Every regular expression of the packages' sources, run over adversarial strings of
// 100,000 characters: one that backtracks catastrophically (exponential, or polynomial
// with a scan of the rest of the input at every position) takes seconds to hours there,
// and would let one line of a log stall the linter, an editor or CI.
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const length = 100_000
// Generous: a linear scan of 100,000 characters takes about a millisecond, a quadratic
// one seconds. The bound catches a hang, it does not measure speed.
const perInputMs = 1_000
const silenceMs = 60_000

interface Probe {
  source: string
  flags: string
  where: string
  attacks?: Attack[]
}

/** `prefix + pump repeated + suffix`: an input shaped after a known weakness. */
interface Attack {
  prefix: string
  pump: string
  suffix: string
}

// Inputs that made patterns of these files backtrack before they were rewritten (found
// with a ReDoS checker); they stay as regression inputs for every pattern of the file.
const knownAttacks: Record<string, Attack[]> = {
  'fix/field-lines.ts': [{prefix: '', pump: '  ', suffix: '\\'}],
  'model/values.ts': [
    {prefix: '', pump: '\t', suffix: 'I'},
    {prefix: '\u0000', pump: '*', suffix: '*\u0000'},
    {prefix: '– ', pump: '\t', suffix: '\u0000\n–\t)'},
  ],
  'scaffold.ts': [{prefix: '', pump: '  ', suffix: '\u0000'}],
  'template/load.ts': [
    {prefix: 'VERSION\t', pump: '\t', suffix: ''},
    {prefix: '#\t#', pump: ' ', suffix: ' \u0000'},
  ],
  'template/parse-template.ts': [{prefix: 'A', pump: 'A0', suffix: '0'}],
  'rules/entry-heading.ts': [{prefix: 'Session', pump: ' ', suffix: 'x'}],
}

// The model's readers and the text helpers were each one file when these were found;
// their patterns are now spread over several, and each keeps the inputs of its old file.
const modelReaderAttacks: Attack[] = [
  {prefix: '[', pump: '\t', suffix: '*'},
  {prefix: '', pump: '\t', suffix: '\u0000'},
  {prefix: 'Version', pump: '*', suffix: 'x'},
]
for (const file of ['checkboxes', 'header', 'headings', 'sections', 'source']) {
  knownAttacks[`model/${file}.ts`] = modelReaderAttacks
}
const textAttacks: Attack[] = [
  {prefix: '', pump: '\t', suffix: '\u0000\t'},
  {prefix: '', pump: '\t', suffix: '\\x'},
]
for (const file of ['blocks', 'lines', 'names', 'patterns'])
  knownAttacks[`text/${file}.ts`] = textAttacks

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** The regular expression literals of every package's `src`, read with the TypeScript parser. */
function literals(): Probe[] {
  const probes: Probe[] = []
  const packages = join(root, 'packages')
  for (const name of readdirSync(packages)) {
    for (const path of sourceFiles(join(packages, name, 'src'))) {
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest)
      const inSrc = relative(join(packages, name, 'src'), path)
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = (node as ts.RegularExpressionLiteral).text
          const slash = text.lastIndexOf('/')
          const {line} = file.getLineAndCharacterOfPosition(node.getStart(file))
          probes.push({
            source: text.slice(1, slash),
            flags: text.slice(slash + 1),
            where: `${name}/src/${inSrc}:${line + 1}`,
            attacks: knownAttacks[inSrc] ?? [],
          })
        }
        ts.forEachChild(node, visit)
      }
      visit(file)
    }
  }
  return probes
}

interface Done {
  probe: string
  inputs: number
  slowest: {ms: number; input: string}
}

type Message =
  | {kind: 'count'; count: number; built: number}
  | {kind: 'start'; probe: string}
  | ({kind: 'done'} & Done)
  | {kind: 'end'}

/** Runs the probes in a worker and stops it when one pattern runs for too long. */
function runProbes(probes: Probe[]): Promise<{count: number; built: number; done: Done[]}> {
  const worker = new Worker(new URL('stress/regex-worker.mjs', import.meta.url), {
    workerData: {literals: probes, root, length},
  })
  const done: Done[] = []
  let count = 0
  let built = 0
  let running = 'loading the plugin and building the run-time patterns'
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout
    const watch = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        void worker.terminate()
        reject(new Error(`no answer for ${silenceMs / 1000} s while ${running}`))
      }, silenceMs)
    }
    watch()
    worker.on('message', (message: Message) => {
      watch()
      if (message.kind === 'count') ({count, built} = message)
      if (message.kind === 'start') running = `probing ${message.probe}`
      if (message.kind === 'done') done.push(message)
      if (message.kind === 'end') {
        clearTimeout(timer)
        void worker.terminate()
        resolve({count, built, done})
      }
    })
    worker.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

describe('regular expressions', () => {
  it('finds the literals of every package', () => {
    const found = literals()
    expect(found.length).toBeGreaterThan(100)
    expect(found.some((probe) => probe.where.startsWith('session-log/src/reporters/'))).toBe(true)
  })

  it('keeps every known attack on a file that still has patterns', () => {
    const files = new Set(
      literals()
        .filter((probe) => probe.where.startsWith('remark-session-log/src/'))
        .map((probe) => probe.where.slice('remark-session-log/src/'.length).replace(/:\d+$/, '')),
    )
    const lost = Object.keys(knownAttacks).filter((file) => !files.has(file))
    expect(lost).toEqual([])
  })

  it('match adversarial input of 100,000 characters in linear time', async () => {
    const probes = literals()
    const {count, built, done} = await runProbes(probes)
    // The patterns built at run time (from template text) are probed too.
    expect(built).toBeGreaterThan(3)
    expect(done).toHaveLength(count)
    const slow = done
      .filter((result) => result.slowest.ms > perInputMs)
      .map(
        (result) =>
          `${result.probe}: ${Math.round(result.slowest.ms)} ms on ${result.slowest.input}`,
      )
    expect(slow).toEqual([])
    const inputs = done.reduce((sum, result) => sum + result.inputs, 0)
    const slowest = done.reduce((a, b) => (b.slowest.ms > a.slowest.ms ? b : a))
    console.log(
      `${count} patterns, ${inputs} inputs; slowest ${Math.round(slowest.slowest.ms)} ms: ${slowest.probe}`,
    )
  }, 600_000)
})
