// Builds dist-bundle/, what pre-commit and the GitHub Action run straight from a clone of
// this repository with no install step: session-log.mjs (the command), action.mjs (the
// action), the chunks of code they share and the HTML report's chunks, which only
// `stats -f html` loads; every dependency is included but the charting library. It is
// committed; `--check` fails when it differs from a fresh build instead of writing it.
// The command's files also go to packages/session-log/dist/bundle/, which the package's
// bin runs.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Buffer} from 'node:buffer'
import {build} from 'esbuild'

// esbuild names modules by their real path relative to this folder, so a checkout reached
// through a symbolic link must build the same bundle as one that is not.
const root = realpathSync(fileURLToPath(new URL('..', import.meta.url)))
const outdir = 'dist-bundle'
const plugin = 'packages/remark-session-log'
const cli = 'packages/session-log'

const bundles = [
  {entry: `${cli}/src/bin.ts`, out: 'session-log.mjs', executable: true},
  {entry: `${cli}/src/action.ts`, out: 'action.mjs', executable: false},
]

// The plugin reads its templates from the folder beside its package at run time; a bundle
// has no such folder, so it carries their text instead.
const templatesDir = join(root, plugin, 'templates')
const templates = Object.fromEntries(
  readdirSync(templatesDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [name.slice(0, -3), readFileSync(join(templatesDir, name), 'utf8')]),
)

// Their schemas too, derived by the sources' own parseTemplate (built here in memory), so
// the command does not parse a template on every run.
const schemas = await deriveSchemas(templates)

const {version} = JSON.parse(readFileSync(join(root, cli, 'package.json'), 'utf8'))

// Modules that read files of the source tree at run time, and what the bundle holds instead.
const replaced = {
  [`${plugin}/src/template/builtin.ts`]: [
    `const templates = ${JSON.stringify(templates, null, 2)}`,
    `const schemas = ${schemas}`,
    'export function readBuiltinTemplate(id) {',
    '  return templates[id]',
    '}',
    'export function readBuiltinSchema(id) {',
    '  return schemas[id]',
    '}',
  ].join('\n'),
  [`${cli}/src/version.ts`]: `export const version = ${JSON.stringify(version)}`,
}

// unified-engine resolves plugins named in config files through load-plugin, which
// brings npm's whole configuration code (registry addresses included). session-log's
// settings name no plugins, so the bundle carries a stand-in that says so instead.
const noPlugins = [
  'function refuse(name) {',
  '  throw new Error(`session-log does not load plugins (asked for ${name})`)',
  '}',
  'export const loadPlugin = refuse',
  'export const resolvePlugin = refuse',
].join('\n')

const embed = {
  name: 'embed-files',
  setup(esbuild) {
    esbuild.onResolve({filter: /^load-plugin$/}, () => ({
      path: 'load-plugin',
      namespace: 'stand-in',
    }))
    esbuild.onLoad({filter: /.*/, namespace: 'stand-in'}, () => ({
      contents: noPlugins,
      loader: 'js',
    }))
    esbuild.onLoad({filter: /\.ts$/}, (args) => {
      const contents = replaced[relative(root, args.path).split('\\').join('/')]
      return contents === undefined ? undefined : {contents, loader: 'js'}
    })
  },
}

/**
 * The schema of each template as JavaScript source. Properties the parser leaves
 * undefined stay there, so the bundle's schemas are the package's exactly.
 */
async function deriveSchemas(texts) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [`${plugin}/src/template/parse-template.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  const code = Buffer.from(result.outputFiles[0].text).toString('base64')
  const {parseTemplate} = await import(`data:text/javascript;base64,${code}`)
  const missing = '\u0000undefined\u0000'
  const derived = Object.fromEntries(
    Object.entries(texts).map(([id, text]) => [id, parseTemplate(text, id)]),
  )
  return JSON.stringify(derived, (_key, value) => (value === undefined ? missing : value), 2)
    .split(JSON.stringify(missing))
    .join('undefined')
}

/** Builds every bundle in memory: path (relative to the root) -> text. */
async function bundle() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(bundles.map(({entry, out}) => [out.slice(0, -4), entry])),
    outdir,
    outExtension: {'.js': '.mjs'},
    // The code both entries share goes to one file instead of twice into the repository.
    splitting: true,
    // Named by content: the shared code, and the HTML report's, which only `stats` loads.
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    // The charting library is for `stats -f html` alone and larger than all the rest: the
    // package's bundle finds it among the package's dependencies; the committed bundle,
    // which runs with no install, says so when asked for an HTML report.
    external: ['echarts', 'echarts/*'],
    // Built from the sources, so the bundle does not depend on a stale dist/.
    alias: {'remark-session-log': `./${plugin}/src/index.ts`},
    plugins: [embed],
    // Some dependencies are CommonJS and call require() for Node's own modules.
    banner: {
      js: [
        '// Generated by scripts/bundle.mjs (pnpm bundle); do not edit.',
        "import {createRequire as __bundleRequire} from 'node:module'",
        'const require = __bundleRequire(import.meta.url)',
      ].join('\n'),
    },
    legalComments: 'eof',
    logLevel: 'silent',
  })
  return Object.fromEntries(
    result.outputFiles.map((file) => [relative(root, file.path).split('\\').join('/'), file.text]),
  )
}

const check = process.argv.includes('--check')
const files = await bundle()

// The CLI package's bin runs the same build of the command from its own dist/ (not
// committed): loading one file takes a third of the time of loading the modules one by
// one. `--package` (run by `pnpm build`) writes only that copy.
if (!check) {
  const packageDir = join(root, cli, 'dist', 'bundle')
  rmSync(packageDir, {recursive: true, force: true})
  mkdirSync(packageDir, {recursive: true})
  for (const [path, text] of Object.entries(files)) {
    if (path !== `${outdir}/action.mjs`)
      writeFileSync(join(packageDir, path.slice(outdir.length + 1)), text)
  }
  if (process.argv.includes('--package')) process.exit(0)
}
const present = existsSync(join(root, outdir)) ? readdirSync(join(root, outdir)) : []
// Files a build no longer makes (a chunk renamed) are stale too.
const leftover = present.map((name) => `${outdir}/${name}`).filter((path) => !(path in files))
if (check) {
  const stale = Object.entries(files)
    .filter(
      ([path, text]) =>
        !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text,
    )
    .map(([path]) => path)
  if (stale.length + leftover.length > 0) {
    console.error(
      `${[...stale, ...leftover].join(', ')}: out of date; run \`pnpm bundle\` and commit the result`,
    )
    process.exit(1)
  }
} else {
  mkdirSync(join(root, outdir), {recursive: true})
  for (const path of leftover) rmSync(join(root, path))
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text)
  for (const {out, executable} of bundles) {
    if (executable) chmodSync(join(root, outdir, out), 0o755)
  }
}
