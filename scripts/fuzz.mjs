// pnpm fuzz [--runs N] [--seed S] [--only TEXT]   (builds first: pnpm build)
//
// Runs the plugin's properties (packages/remark-session-log/test/properties.ts, the same
// ones the test suite runs a few hundred times) for N cases in all, 100,000 by default,
// shared by the properties' weights. Prints "N cases, 0 failures", or each failing
// property with the seed and path that replay it, and then exits with 1.
import {mkdirSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {build} from 'esbuild'
import fc from 'fast-check'

const root = fileURLToPath(new URL('..', import.meta.url))
const plugin = join(root, 'packages/remark-session-log')

const {values} = parseArgs({
  options: {
    runs: {type: 'string', default: '100000'},
    seed: {type: 'string'},
    only: {type: 'string'},
  },
})
const runs = Number(values.runs)
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed)
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('fuzz: --runs and --seed take whole numbers, such as --runs 100000 --seed 42')
  process.exit(2)
}

// The properties are TypeScript: bundle them, with their imports of the plugin's sources
// pointed at its build (which finds its templates beside itself) and packages left to
// Node, next to the plugin's node_modules so that those resolve.
const outfile = join(plugin, 'node_modules/.cache/fuzz/properties.mjs')
mkdirSync(dirname(outfile), {recursive: true})
const useBuild = {
  name: 'use-build',
  setup(esbuild) {
    esbuild.onResolve({filter: /\/src\//}, ({path, resolveDir}) => ({
      path: pathToFileURL(resolve(resolveDir, path).replace(/\/src\//, '/dist/')).href,
      external: true,
    }))
  },
}
await build({
  entryPoints: [join(plugin, 'test/properties.ts')],
  bundle: true,
  packages: 'external',
  plugins: [useBuild],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'error',
})
const {properties} = await import(pathToFileURL(outfile).href)

const chosen = properties.filter(({name}) => !values.only || name.includes(values.only))
if (chosen.length === 0) {
  console.error(`fuzz: no property matches --only ${values.only}`)
  process.exit(2)
}
const weights = chosen.reduce((sum, {weight}) => sum + weight, 0)
console.log(`fuzz: ${runs} cases over ${chosen.length} properties, seed ${seed}`)

const started = performance.now()
let cases = 0
const failures = []
for (const [index, {name, weight, property}] of chosen.entries()) {
  // The last property takes what rounding left, so the total is exactly `runs`.
  const numRuns =
    index === chosen.length - 1 ? runs - cases : Math.max(1, Math.round((runs * weight) / weights))
  const start = performance.now()
  const details = fc.check(property, {numRuns, seed})
  cases += details.numRuns
  const seconds = ((performance.now() - start) / 1000).toFixed(1)
  console.log(
    `  ${details.failed ? 'FAIL' : 'ok  '} ${name}: ${details.numRuns} cases, ${seconds} s`,
  )
  if (details.failed) failures.push({name, numRuns, details})
}

const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`${cases} cases, ${failures.length} failures (${seconds} s)`)
for (const {name, numRuns, details} of failures) {
  console.log(`\nFailed: ${name}`)
  console.log(`  seed ${details.seed}, path "${details.counterexamplePath}"`)
  console.log(`  replay: pnpm fuzz --only "${name}" --seed ${details.seed} --runs ${numRuns}`)
  console.log(`  counterexample: ${fc.stringify(details.counterexample)}`)
  const error = details.errorInstance
  console.log(
    `  ${String(error instanceof Error ? error.message : error)
      .split('\n')
      .join('\n  ')}`,
  )
  // An assertion's message abbreviates what it found; show it whole.
  if (error && typeof error === 'object' && 'actual' in error) {
    console.log(`  actual: ${JSON.stringify(error.actual, null, 2).split('\n').join('\n  ')}`)
  }
}
process.exit(failures.length > 0 ? 1 : 0)
