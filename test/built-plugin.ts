// Tests that run the plugin as it ships read its build, which `pnpm build` (the first step
// of `pnpm check`) makes once; building it again in each test file cost the suite a
// compile per file. A build older than a source file would test old code, so it is refused.
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const pluginRoot = fileURLToPath(new URL('../packages/remark-session-log/', import.meta.url))

/** The path of the built plugin's entry; throws when the build is missing or stale. */
export function builtPlugin(): string {
  const entry = join(pluginRoot, 'dist/index.js')
  if (!existsSync(entry)) throw new Error('the plugin is not built: run `pnpm build` first')
  // tsc writes its build info on every build and only the outputs that changed.
  const built = statSync(join(pluginRoot, 'tsconfig.tsbuildinfo')).mtimeMs
  const sources = readdirSync(join(pluginRoot, 'src'), {recursive: true, encoding: 'utf8'})
  const newer = sources.find((file) => statSync(join(pluginRoot, 'src', file)).mtimeMs > built)
  if (newer) throw new Error(`src/${newer} is newer than the plugin's build: run \`pnpm build\``)
  return entry
}
