// `pnpm bench`: times the plugin against the parse floor and the CLI against its peers
// on the same generated logs, in one run, and prints absolute times with their ratios.
import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {generateLog, typedIn} from './generate.mjs'
import {timeLanguageServer} from './language-server.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,1000,5000').split(',').map(Number)
const peerTimeout = Number(process.env.BENCH_PEER_TIMEOUT ?? 600) * 1000
const work = mkdtempSync(join(tmpdir(), 'session-log-bench-'))
const rssHook = join(root, 'test/bench/max-rss.mjs')
// The command as the package's bin, pre-commit and the GitHub Action run it: built into
// one file. dist/bin.js is the same code loaded module by module, for comparison.
const bundled = join(root, 'dist-bundle/session-log.mjs')
const cli = join(root, 'packages/session-log/dist/bin.js')
const plugin = join(root, 'packages/remark-session-log/dist/index.js')
const inProcess = join(root, 'test/bench/in-process.mjs')
// `stats -f html` needs the charting library, which the package's bin finds and the
// committed bundle does not carry.
const packageBin = join(root, 'packages/session-log/bin/session-log.js')

// The bundled CLI as it was before chunks were read line by line (`line-parse.ts`),
// taken from git: the single-threaded figure #19 set its targets against, measured in
// the same run as today's. Undefined where git cannot give it (a copy without history).
const baselineRev = process.env.BENCH_BASELINE ?? '2e7b693'
const baseline = extractBundle(baselineRev)

function extractBundle(rev) {
  const dir = join(work, `bundle-${rev}`)
  mkdirSync(dir)
  const archive = spawnSync('git', ['archive', rev, 'dist-bundle'], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  })
  const unpacked =
    archive.status === 0 &&
    spawnSync('tar', ['-x', '-C', dir], {input: archive.stdout}).status === 0
  if (!unpacked) console.error(`bench: no bundle of ${rev} from git; its columns read n/a`)
  return unpacked ? join(dir, 'dist-bundle/session-log.mjs') : undefined
}

/** Fewer repetitions for bigger inputs: the median of what fits in a few minutes. */
const runsFor = (entries) => (entries <= 100 ? 7 : entries <= 1000 ? 3 : 1)

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** An in-process figure (see in-process.mjs), measured in a fresh process. */
function timeInProcess(measure, entries, runs) {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', inProcess, measure, String(entries), String(runs)],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024},
  )
  if (result.status !== 0) {
    console.error(`${measure} at ${entries} entries failed`)
    return Number.NaN
  }
  return JSON.parse(result.stdout)
}

/**
 * Wall time and peak memory of a whole process; node programs get the RSS hook.
 * `before(i)` runs ahead of run `i` (0 is the warm-up), untimed.
 */
function timeProcess(runs, command, args, before = () => undefined) {
  if (!command) return {ms: Number.NaN, rssMb: Number.NaN}
  const times = []
  const peaks = []
  for (let i = 0; i <= runs; i++) {
    before(i)
    const rssFile = join(work, `rss-${process.hrtime.bigint()}`)
    const start = performance.now()
    const result = spawnSync(process.execPath, ['--import', rssHook, command, ...args], {
      env: {...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1'},
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: peerTimeout,
      maxBuffer: 64 * 1024 * 1024,
    })
    const elapsed = performance.now() - start
    if (result.error?.code === 'ETIMEDOUT')
      return {ms: Number.NaN, rssMb: Number.NaN, note: 'timed out'}
    if (i === 0) continue // warm-up: file cache
    times.push(elapsed)
    try {
      peaks.push(Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024)
    } catch {
      peaks.push(Number.NaN)
    }
  }
  return {ms: median(times), rssMb: median(peaks)}
}

/** Ten logs of 100 entries checked by one command, on one thread and on two. */
function manyLogs(dir, runs) {
  const folder = join(dir, 'many')
  mkdirSync(folder)
  const files = Array.from({length: 10}, (_, i) => {
    const path = join(folder, `log-${i}.md`)
    writeFileSync(path, generateLog(100, {seed: 100 + i}))
    return path
  })
  return {
    manyOne: timeProcess(runs, bundled, ['check', ...files, '--threads', '1']),
    manyTwo: timeProcess(runs, bundled, ['check', ...files, '--threads', '2']),
    manyBefore: timeProcess(runs, baseline, ['check', ...files, '--threads', '1']),
  }
}

/** Median wall time of two copies of a command started together, until both end. */
async function timeSideBySide(runs, command, args) {
  const once = () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [command, ...args], {stdio: 'ignore'})
      child.on('close', resolve)
    })
  const times = []
  for (let i = 0; i <= runs; i++) {
    const start = performance.now()
    await Promise.all([once(), once()])
    if (i > 0) times.push(performance.now() - start)
  }
  return median(times)
}

const ms = (value) =>
  Number.isNaN(value)
    ? 'n/a'
    : value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(1)} ms`
const ratio = (a, b) =>
  Number.isNaN(a) || Number.isNaN(b) || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`
const mb = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} MB`)

const rows = []
const startup = timeProcess(7, join(root, 'test/bench/noop.mjs'), [])
const loaded = timeProcess(7, join(root, 'test/bench/load-only.mjs'), [])
for (const entries of sizes) {
  const runs = runsFor(entries)
  const text = generateLog(entries, {seed: entries})
  const dir = join(work, String(entries))
  mkdirSync(dir)
  const file = join(dir, 'SESSION_LOG.md')
  writeFileSync(file, text)
  console.error(`… ${entries} entries (${(text.length / 1e6).toFixed(2)} MB)`)

  // One run of a 5,000-entry lint varied from 14 s to 22 s between two benches; the
  // floor's run takes a minute, but ours can afford the median of three.
  const lines = timeInProcess('lines', entries, Math.max(runs, 3))
  const floor = timeInProcess('floor', entries, runs)
  const linted = timeInProcess('lint', entries, Math.max(runs, 3))
  const remarked = timeInProcess('remark', entries, Math.max(runs, 3))
  const fixed = timeInProcess('fix', entries, Math.max(runs, 3))
  const relint = timeInProcess('relint', entries, Math.max(runs, 3))

  const parseProcess = timeProcess(runs, join(root, 'test/bench/parse-only.mjs'), [file])
  const ours = timeProcess(runs, bundled, ['check', file])
  const unbundled = timeProcess(runs, cli, ['check', file])
  // The warm-up run fills the cache; the counted runs find the log unchanged.
  const cacheFile = join(dir, 'cache.json')
  const warm = timeProcess(runs, bundled, ['check', file, '--cache', '--cache-location', cacheFile])
  // A commit that edits one entry: the log alternates between two texts one character
  // apart, so every counted run finds one entry changed since the run before.
  const edited = join(dir, 'EDITED_LOG.md')
  const editedCache = join(dir, 'edited-cache.json')
  const changed = timeProcess(
    runs,
    bundled,
    ['check', edited, '--cache', '--cache-location', editedCache],
    (i) => writeFileSync(edited, i % 2 === 0 ? text : typedIn(text, 'x')),
  )
  // Both cores: the same check on one thread and on two, and, for what the machine can
  // give at most, two one-thread checks at once. Ten 100-entry logs in one command too.
  const threaded =
    entries >= 100
      ? {
          one: timeProcess(runs, bundled, ['check', file, '--threads', '1']),
          two: timeProcess(runs, bundled, ['check', file, '--threads', '2']),
          before: timeProcess(runs, baseline, ['check', file, '--threads', '1']),
          together: await timeSideBySide(runs, bundled, ['check', file, '--threads', '1']),
          ...(entries === 100 ? manyLogs(dir, runs) : {}),
        }
      : undefined
  const stats = timeProcess(runs, bundled, ['stats', file])
  const statsHtml = timeProcess(runs, packageBin, [
    'stats',
    file,
    '-f',
    'html',
    '-o',
    join(dir, 'report.html'),
  ])
  const remark = timeProcess(Math.min(runs, 3), join(root, 'node_modules/remark-cli/cli.js'), [
    '--no-stdout',
    '--quiet',
    '--use',
    plugin,
    file,
  ])
  const markdownlint = timeProcess(
    Math.min(runs, 3),
    join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
    [file],
  )
  const none = Number.NaN
  let server = {
    top: none,
    whole: none,
    edit: none,
    editChecked: none,
    changeDelay: none,
    fixAll: none,
  }
  try {
    if (entries >= 1000) server = await timeLanguageServer(text, 3)
  } catch (error) {
    console.error(`language server at ${entries} entries: ${error.message}`)
  }

  rows.push({
    entries,
    bytes: text.length,
    lines,
    floor,
    linted,
    remarked,
    fixed,
    relint,
    parseProcess,
    ours,
    unbundled,
    warm,
    changed,
    remark,
    markdownlint,
    server,
    stats,
    statsHtml,
    threaded,
  })
  // Written after every size, so a long run that is stopped keeps what it measured.
  writeResults(table())
}
console.log(table())
rmSync(work, {recursive: true, force: true})

function writeResults(text) {
  mkdirSync(join(root, 'bench-results'), {recursive: true})
  writeFileSync(join(root, 'bench-results', 'results.md'), `${text}\n`)
}

function table() {
  const lines = [
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Node start-up ${ms(startup.ms)}, start-up plus loading the bundled CLI's modules ${ms(loaded.ms)}.`,
    '',
    '| entries | MB | line-scan floor | parse floor | parse ÷ line scan | lint | lint ÷ floor | lint ÷ line scan | remark + plugin | remark ÷ lint | fix (5% defects) | re-lint after 1 char | re-lint ÷ floor | LSP edit → diagnostics | LSP ÷ floor |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.entries} | ${(r.bytes / 1e6).toFixed(2)} | ${ms(r.lines)} | ${ms(r.floor)} | ${ratio(r.floor, r.lines)} | ${ms(r.linted)} | ${ratio(r.linted, r.floor)} | ${ratio(r.linted, r.lines)} | ${ms(r.remarked)} | ${ratio(r.remarked, r.linted)} | ${ms(r.fixed)} | ${ms(r.relint)} | ${ratio(r.relint, r.floor)} | ${ms(r.server.edit)} | ${ratio(r.server.edit, r.floor)} |`,
    ),
    '',
    "| entries | LSP open → first diagnostics | open → all | first ÷ all | edit → diagnostics less the typing pause | edit → the check's diagnostics, less the pause | first ÷ check's | revised lists that were the check's | fix-all right after open | fix-all ÷ lint |",
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows
      .filter((r) => !Number.isNaN(r.server.top))
      .map(
        (r) =>
          `| ${r.entries} | ${ms(r.server.top)} | ${ms(r.server.whole)} | ${ratio(r.server.top, r.server.whole)} | ${ms(r.server.edit - r.server.changeDelay)} | ${ms(r.server.editChecked - r.server.changeDelay)} | ${ratio(r.server.edit - r.server.changeDelay, r.server.editChecked - r.server.changeDelay)} | ${r.server.agreed} of ${r.server.revised} | ${ms(r.server.fixAll)} | ${ratio(r.server.fixAll, r.linted)} |`,
      ),
    '',
    '| entries | `session-log check` | same, unbundled | `--cache`, unchanged log | warm ÷ cold | `--cache`, one entry edited | edited ÷ cold | remark-cli + plugin | markdownlint-cli2 | CLI ÷ remark | CLI ÷ markdownlint | CLI peak RSS | parse-only peak RSS | RSS ÷ parse |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.entries} | ${ms(r.ours.ms)} | ${ms(r.unbundled.ms)} | ${ms(r.warm.ms)} | ${ratio(r.warm.ms, r.ours.ms)} | ${ms(r.changed.ms)} | ${ratio(r.changed.ms, r.ours.ms)} | ${ms(r.remark.ms)}${r.remark.note ? ` (${r.remark.note})` : ''} | ${ms(r.markdownlint.ms)}${r.markdownlint.note ? ` (${r.markdownlint.note})` : ''} | ${ratio(r.ours.ms, r.remark.ms)} | ${ratio(r.ours.ms, r.markdownlint.ms)} | ${mb(r.ours.rssMb)} | ${mb(r.parseProcess.rssMb)} | ${ratio(r.ours.rssMb, r.parseProcess.rssMb)} |`,
    ),
  ]
  lines.push(
    '',
    '| entries | `session-log stats` | stats ÷ check | `stats -f html` | html ÷ check | stats peak RSS | html peak RSS |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.entries} | ${ms(r.stats.ms)} | ${ratio(r.stats.ms, r.ours.ms)} | ${ms(r.statsHtml.ms)} | ${ratio(r.statsHtml.ms, r.ours.ms)} | ${mb(r.stats.rssMb)} | ${mb(r.statsHtml.rssMb)} |`,
    ),
  )
  const threadRows = rows.filter((r) => r.threaded)
  if (threadRows.length > 0)
    lines.push(
      '',
      `| entries | \`check --threads 1\` | \`--threads 2\` | 2 ÷ 1 | 1 thread before line reading (${baselineRev}) | 1 ÷ before | 2 ÷ before | RSS, 1 thread | RSS, 2 threads | two 1-thread checks at once | at once ÷ alone | 10 logs of 100, 1 thread | 10 logs, 2 threads | 2 ÷ 1 | 10 logs before, 1 thread | 1 ÷ before | 2 ÷ before |`,
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...threadRows.map(({entries, threaded: t}) => {
        const many = t.manyOne
          ? [
              ms(t.manyOne.ms),
              ms(t.manyTwo.ms),
              ratio(t.manyTwo.ms, t.manyOne.ms),
              ms(t.manyBefore.ms),
              ratio(t.manyOne.ms, t.manyBefore.ms),
              ratio(t.manyTwo.ms, t.manyBefore.ms),
            ].join(' | ')
          : ' | | | | | '
        return `| ${entries} | ${ms(t.one.ms)} | ${ms(t.two.ms)} | ${ratio(t.two.ms, t.one.ms)} | ${ms(t.before.ms)} | ${ratio(t.one.ms, t.before.ms)} | ${ratio(t.two.ms, t.before.ms)} | ${mb(t.one.rssMb)} | ${mb(t.two.rssMb)} | ${ms(t.together)} | ${ratio(t.together, t.one.ms)} | ${many} |`
      }),
    )
  const small = rows.find((r) => r.entries === 1)
  if (small)
    lines.push(
      '',
      `Fixed cost: \`session-log check\` on a 1-entry log ${ms(small.ours.ms)} = ${ratio(small.ours.ms, loaded.ms)} of start-up plus loading the bundled CLI's modules.`,
    )
  const big = rows.find((r) => r.entries === 5000)
  const thousand = rows.find((r) => r.entries === 1000)
  if (big && thousand) {
    lines.push(
      `Growth 5,000 ÷ 1,000 entries: lint ${ratio(big.linted, thousand.linted)}, parse floor ${ratio(big.floor, thousand.floor)}, CLI ${ratio(big.ours.ms, thousand.ours.ms)}.`,
    )
  }
  return lines.join('\n')
}
