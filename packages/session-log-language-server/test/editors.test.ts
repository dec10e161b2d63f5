import {readFileSync} from 'node:fs'
import luaparse from 'luaparse'
import {parse as parseToml} from 'smol-toml'
import {describe, expect, it} from 'vitest'
import {fixAllKind} from '../src/server.js'
import {readEditorSettings, thresholdNames} from '../src/settings.js'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const readme = read('README.md')

/** Every string literal in a Lua chunk, found by walking its syntax tree. */
function luaStrings(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) luaStrings(child, into)
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'StringLiteral' && typeof record.value === 'string') into.push(record.value)
    for (const value of Object.values(record)) luaStrings(value, into)
  }
  return into
}

describe('editor snippets', () => {
  it('VS Code: the extension starts this server and declares the settings it reads', () => {
    const extension = read('../vscode-session-log/src/extension.ts')
    expect(extension).toContain("context.asAbsolutePath('dist/server.mjs')")
    expect(extension).toContain('TransportKind.stdio')
    expect(extension).toContain("configurationSection: 'sessionLog'")
    expect(extension).toContain('initializationOptions: {workspaceTrusted: workspace.isTrusted}')
    const manifest = JSON.parse(read('../vscode-session-log/package.json')) as {
      contributes: {configuration: {properties: Record<string, unknown>}}
    }
    const declared = Object.keys(manifest.contributes.configuration.properties)
    // Every setting the manifest declares is one readEditorSettings takes, and back.
    const all = Object.fromEntries(declared.map((key) => [key.replace('sessionLog.', ''), null]))
    expect(readEditorSettings(all).problems).toEqual([])
    expect(declared.sort()).toEqual(
      ['allowJsConfig', 'files', 'rules', 'template', ...thresholdNames]
        .map((name) => `sessionLog.${name}`)
        .sort(),
    )
  })

  it('VS Code: fix-all on save names the server’s code action kind', () => {
    const settings = JSON.parse(read('editors/vscode/settings.json')) as Record<string, unknown>
    expect(settings['editor.codeActionsOnSave']).toEqual({[fixAllKind]: 'explicit'})
  })

  it('Neovim: the snippet is valid Lua that starts the server', () => {
    const source = read('editors/neovim/session_log.lua')
    const chunk = luaparse.parse(source, {luaVersion: '5.1', encodingMode: 'pseudo-latin1'})
    const strings = luaStrings(chunk)
    expect(strings).toEqual(
      expect.arrayContaining(['session-log-language-server', '--stdio', 'markdown', fixAllKind]),
    )
  })

  it('Helix: languages.toml adds the server to Markdown', () => {
    const config = parseToml(read('editors/helix/languages.toml')) as {
      'language-server': Record<string, {command: string; args: string[]; config: unknown}>
      language: Array<{name: string; 'language-servers': string[]}>
    }
    const server = config['language-server']['session-log']!
    expect(server.command).toBe('session-log-language-server')
    expect(server.args).toEqual(['--stdio'])
    expect(server.config).toEqual({sessionLog: {files: ['**/SESSION_LOG.md']}})
    const markdown = config.language.find((language) => language.name === 'markdown')
    expect(markdown?.['language-servers']).toContain('session-log')
  })

  it.each([
    'editors/vscode/settings.json',
    'editors/neovim/session_log.lua',
    'editors/vim/session_log.vim',
    'editors/helix/languages.toml',
  ])('the README shows %s as it is', (path) => {
    expect(readme).toContain(read(path).trim())
  })
})
