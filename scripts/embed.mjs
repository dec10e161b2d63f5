// What a bundle of the plugin's code must carry that the packages read from files at run
// time: the built-in templates (and their schemas, derived ahead of time), plus a
// stand-in for load-plugin. Used by scripts/bundle.mjs (the command, the Action) and by
// the VS Code extension's build (the language server).
import {Buffer} from 'node:buffer'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {build} from 'esbuild'

const plugin = 'packages/remark-session-log'

/**
 * An esbuild plugin that embeds the templates of the checkout at `root`. `replaced` maps
 * more source files (relative to `root`) to the code that stands in for them.
 */
export async function embedPlugin(root, replaced = {}) {
  // The plugin reads its templates from the folder beside its package at run time; a
  // bundle has no such folder, so it carries their text instead.
  const templatesDir = join(root, plugin, 'templates')
  const templates = Object.fromEntries(
    readdirSync(templatesDir)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => [name.slice(0, -3), readFileSync(join(templatesDir, name), 'utf8')]),
  )
  // Their schemas too, derived by the sources' own parseTemplate (built here in memory),
  // so the bundle does not parse a template on every run.
  const schemas = await deriveSchemas(root, templates)
  const sources = {
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
    ...replaced,
  }
  return {
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
        const contents = sources[relative(root, args.path).split('\\').join('/')]
        return contents === undefined ? undefined : {contents, loader: 'js'}
      })
    },
  }
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

/**
 * The schema of each template as JavaScript source. Properties the parser leaves
 * undefined stay there, so the bundle's schemas are the package's exactly.
 */
async function deriveSchemas(root, texts) {
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
