// Fills the rule reference in the plugin README from rule metadata and fixtures.
// `--check` fails when the README is stale instead of writing it.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const readmePath = `${root}packages/remark-session-log/README.md`
const {rules, lint} = await import(`${root}packages/remark-session-log/dist/index.js`)

const fixtureToday = '2026-06-01'
const start = '<!-- rules:start -->'
const end = '<!-- rules:end -->'

function table() {
  const rows = rules.map(
    (rule) =>
      `| [\`${rule.id}\`](#${rule.id}) | ${rule.description} | ${rule.severity} | ${rule.fixable ? 'yes' : ''} |`,
  )
  return ['| Rule | What it checks | Default | Fixable |', '|---|---|---|---|', ...rows].join('\n')
}

// The first invalid fixture of the rule, cut to the lines around its first finding.
function example(rule) {
  const dir = `${root}fixtures/invalid/${rule.id}`
  if (!existsSync(dir)) return ''
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()[0]
  if (!file) return ''
  const text = readFileSync(`${dir}/${file}`, 'utf8').replace(/^\uFEFF/, '')
  const optionsPath = `${dir}/${file.replace(/\.md$/, '.options.json')}`
  const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {}
  // A template file is named relative to the fixtures folder, as the tests read it.
  if (options.template?.endsWith('.md')) options.template = `${root}fixtures/${options.template}`
  const findings = lint(text, {today: fixtureToday, ...options}).filter(
    (finding) => finding.ruleId === rule.id,
  )
  const first = findings[0]
  if (!first) return ''
  const lines = text.split(/\r?\n/)
  const from = Math.max(0, first.start.line - 3)
  const snippet = lines
    .slice(from, first.start.line + 2)
    .join('\n')
    .replace(/\n+$/, '')
  const fence = snippet.includes('```') ? '~~~~' : '```'
  return [
    `${fence}markdown`,
    snippet,
    fence,
    '',
    '```text',
    `${first.start.line}:${first.start.column}  ${first.severity}  ${first.message}  ${rule.id}`,
    '```',
  ].join('\n')
}

function sections() {
  return rules
    .map((rule) =>
      [
        `### ${rule.id}`,
        '',
        `${rule.description}. ${rule.why}`,
        '',
        `Default: \`${rule.severity}\`. ${rule.fixable ? 'Fixable: `session-log fix` repairs it.' : 'Not fixable: only the author knows the right value.'}`,
        '',
        example(rule),
      ]
        .join('\n')
        .trimEnd(),
    )
    .join('\n\n')
}

const readme = readFileSync(readmePath, 'utf8')
const from = readme.indexOf(start)
const to = readme.indexOf(end)
if (from === -1 || to === -1) throw new Error(`${readmePath} lacks the ${start} / ${end} markers`)
const generated = `${start}\n\n${table()}\n\n${sections()}\n\n${end}`
const next = readme.slice(0, from) + generated + readme.slice(to + end.length)

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'The rule reference in packages/remark-session-log/README.md is stale: run `pnpm docs`.',
    )
    process.exit(1)
  }
} else if (next !== readme) {
  writeFileSync(readmePath, next)
  console.log('Updated the rule reference in packages/remark-session-log/README.md')
}
