// The .vsix as the Marketplace and `code --install-extension` get it: built by
// `pnpm package:vscode`, unpacked, its manifest read, and its bundled server started.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checkOverStdio} from './lsp-stdio.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const vsix = join(root, 'packages/vscode-session-log/dist/vscode-session-log.vsix')

let unpacked: string
let files: string[]

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [relative(unpacked, path)]
  })
}

beforeAll(() => {
  execFileSync('pnpm', ['package:vscode'], {cwd: root, stdio: 'pipe'})
  unpacked = mkdtempSync(join(tmpdir(), 'session-log-vsix-'))
  // A .vsix is a zip file; Python's zipfile opens it wherever python3 is.
  execFileSync('python3', ['-m', 'zipfile', '-e', vsix, unpacked])
  files = walk(unpacked).sort()
}, 180_000)

afterAll(() => rmSync(unpacked, {recursive: true, force: true}))

interface Manifest {
  name: string
  publisher: string
  license: string
  repository: {url: string}
  icon: string
  main: string
  engines: {vscode: string}
  activationEvents: string[]
  contributes: {
    commands: Array<{command: string; title: string}>
    configuration: {properties: Record<string, unknown>}
  }
}

describe('the VS Code extension package', () => {
  it('holds the build, manifest, README, changelog, license and icon: no sources', () => {
    expect(files).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/server.mjs',
      'extension/images/icon.png',
      'extension/package.json',
      'extension/readme.md',
    ])
  })

  it('has a manifest that can be published and activates on session logs', () => {
    const manifest = JSON.parse(
      readFileSync(join(unpacked, 'extension/package.json'), 'utf8'),
    ) as Manifest
    expect(manifest).toMatchObject({
      name: 'vscode-session-log',
      publisher: 'remark-session-log',
      license: 'MIT',
      icon: 'images/icon.png',
      main: './dist/extension.js',
    })
    expect(manifest.repository.url).toMatch(/github\.com\/remark-session-log\/remark-session-log/)
    expect(manifest.activationEvents).toContain('workspaceContains:**/SESSION_LOG.md')
    expect(manifest.contributes.commands.map((command) => command.title)).toEqual([
      'Fix all session-log problems',
      'New entry',
      'Show stats',
    ])
    // The settings mirror .session-logrc (and the editor's own: which files, JS settings).
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(
      [
        'allowJsConfig',
        'files',
        'killSwitchFactor',
        'maxHours',
        'maxLines',
        'minHours',
        'rotSignals',
        'rules',
        'template',
      ].map((name) => `sessionLog.${name}`),
    )
  })

  it('loads as VS Code loads it, exporting activate and deactivate', () => {
    // `vscode` is VS Code's own module; a stand-in whose every member is a class (the
    // language client extends some at load) is enough to load the file.
    const vscode = new Proxy({}, {get: () => class {}})
    const require = createRequire(import.meta.url)
    const Module = require('node:module') as {
      _load: (request: string, ...rest: unknown[]) => unknown
    }
    const load = Module._load
    Module._load = (request, ...rest) => (request === 'vscode' ? vscode : load(request, ...rest))
    try {
      const extension = require(join(unpacked, 'extension/dist/extension.js')) as Record<
        string,
        unknown
      >
      expect(typeof extension.activate).toBe('function')
      expect(typeof extension.deactivate).toBe('function')
    } finally {
      Module._load = load
    }
  })

  it('starts its bundled server, which checks a log over stdio', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'session-log-vsix-server-'))
    const {serverName, diagnostics} = await checkOverStdio(
      process.execPath,
      [join(unpacked, 'extension/dist/server.mjs')],
      cwd,
      pathToFileURL(join(cwd, 'SESSION_LOG.md')).href,
      readFileSync(join(root, 'fixtures/sample/SESSION_LOG.md'), 'utf8'),
    )
    rmSync(cwd, {recursive: true, force: true})
    expect(serverName).toBe('session-log-language-server')
    // Its templates travel inside it: the sample's findings, with no file beside it.
    expect(diagnostics.map((d) => d.code)).toEqual([
      'required-field',
      'section-heading',
      'field-date',
      'section-heading',
    ])
  })
})
