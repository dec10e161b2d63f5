// Builds the extension into dist/: extension.js (the extension, VS Code's own module left
// out) and server.mjs (the language server with the plugin and every dependency, the
// templates carried inside), so the .vsix holds no node_modules and no sources.
import {realpathSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {embedPlugin} from '../../scripts/embed.mjs'

const root = realpathSync(fileURLToPath(new URL('../..', import.meta.url)))
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
}

await build({
  ...common,
  entryPoints: ['packages/vscode-session-log/src/extension.ts'],
  outfile: 'packages/vscode-session-log/dist/extension.js',
  // VS Code loads an extension as CommonJS and provides `vscode` itself.
  format: 'cjs',
  external: ['vscode'],
})
await build({
  ...common,
  entryPoints: ['packages/session-log-language-server/src/bin.ts'],
  outfile: 'packages/vscode-session-log/dist/server.mjs',
  format: 'esm',
  // Built from the sources, so the server does not depend on a stale dist/.
  alias: {
    'remark-session-log': './packages/remark-session-log/src/index.ts',
    'session-log/project': './packages/session-log/src/project.ts',
    'session-log/stats': './packages/session-log/src/stats/markdown.ts',
  },
  // Some dependencies are CommonJS and call require() for Node's own modules.
  banner: {
    js: "import {createRequire as __bundleRequire} from 'node:module'\nconst require = __bundleRequire(import.meta.url)",
  },
  plugins: [await embedPlugin(root)],
})
