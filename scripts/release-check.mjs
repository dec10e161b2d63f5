// Checks a release tag before anything is published: `vX.Y.Z` must be the version of all
// three packages, and each package's CHANGELOG.md must have a section for it. With
// `--notes` it prints those sections, the GitHub release's notes.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const packages = ['remark-session-log', 'session-log', 'session-log-language-server']

const [tag, flag] = process.argv.slice(2)
const version = /^v(\d+\.\d+\.\d+(?:-[\w.]+)?)$/.exec(tag ?? '')?.[1]
if (!version) fail(`${JSON.stringify(tag ?? '')} is not a release tag; tag releases vX.Y.Z`)

const notes = []
for (const name of packages) {
  const dir = join(root, 'packages', name)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (manifest.version !== version) {
    fail(
      `${name} is version ${manifest.version}, not ${version}; set every package to ${version} before tagging`,
    )
  }
  const section = sectionOf(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8'), version)
  if (section === undefined) {
    fail(`packages/${name}/CHANGELOG.md has no "## ${version}" section; rename "Unreleased" to it`)
  }
  notes.push(`## ${name} ${version}\n\n${section}`)
}
if (flag === '--notes') process.stdout.write(`${notes.join('\n\n')}\n`)

/** The text under `## <version>` (a date may follow it) up to the next `## `. */
function sectionOf(changelog, wanted) {
  const lines = changelog.split('\n')
  const start = lines.findIndex(
    (line) => line === `## ${wanted}` || line.startsWith(`## ${wanted} `),
  )
  if (start === -1) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## '))
  return (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
}

function fail(message) {
  process.stderr.write(`release-check: ${message}\n`)
  process.exit(1)
}
