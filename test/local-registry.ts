// An npm registry on loopback that serves the packages of this workspace's own store
// (node_modules/.pnpm), so a test can run a plain `npm install` with no network: npm
// resolves and fetches as from any registry, and gets exactly the versions the
// workspace was tested with.
import {createHash} from 'node:crypto'
import {existsSync, lstatSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join, relative} from 'node:path'
import {gzipSync} from 'node:zlib'

interface Stored {
  dir: string
  manifest: Record<string, unknown> & {name: string; version: string}
}

/** Every package folder of the store, by name and then version. */
function readStore(store: string): Map<string, Map<string, Stored>> {
  const packages = new Map<string, Map<string, Stored>>()
  const add = (dir: string) => {
    const file = join(dir, 'package.json')
    if (!existsSync(file)) return
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Stored['manifest']
    if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') return
    const versions = packages.get(manifest.name) ?? new Map<string, Stored>()
    versions.set(manifest.version, {dir, manifest})
    packages.set(manifest.name, versions)
  }
  for (const entry of readdirSync(store)) {
    const modules = join(store, entry, 'node_modules')
    if (!existsSync(modules)) continue
    // The package itself is a folder; its dependencies beside it are symbolic links.
    for (const name of readdirSync(modules)) {
      const path = join(modules, name)
      if (!lstatSync(path).isDirectory()) continue
      if (name.startsWith('@')) {
        for (const scoped of readdirSync(path)) {
          const inner = join(path, scoped)
          if (lstatSync(inner).isDirectory()) add(inner)
        }
      } else {
        add(path)
      }
    }
  }
  return packages
}

/** The files of a package folder, as `npm pack` lays them out: under `package/`. */
function filesOf(dir: string, base = dir): string[] {
  const files: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    const stats = statSync(path)
    if (stats.isDirectory()) {
      if (name !== 'node_modules') files.push(...filesOf(path, base))
    } else if (stats.isFile()) {
      files.push(relative(base, path))
    }
  }
  return files
}

/** A ustar header block for `name` (a split into prefix and name where it is long). */
function header(name: string, size: number, mode: number): Buffer {
  const block = Buffer.alloc(512)
  let prefix = ''
  let rest = name
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155)
    prefix = name.slice(0, cut)
    rest = name.slice(cut + 1)
  }
  const octal = (value: number, length: number) =>
    `${value.toString(8).padStart(length - 1, '0')}\0`
  block.write(rest, 0, 100)
  block.write(octal(mode, 8), 100)
  block.write(octal(0, 8), 108)
  block.write(octal(0, 8), 116)
  block.write(octal(size, 12), 124)
  block.write(octal(0, 12), 136)
  block.write('        ', 148)
  block.write('0', 156)
  block.write('ustar\u000000', 257)
  block.write(prefix, 345, 155)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(octal(sum, 7), 148)
  return block
}

/** The package folder as a gzipped tarball, byte for byte the same on every call. */
function tarball(dir: string): Buffer {
  const parts: Buffer[] = []
  for (const file of filesOf(dir)) {
    const path = join(dir, file)
    const content = readFileSync(path)
    const executable = (statSync(path).mode & 0o111) !== 0
    parts.push(
      header(`package/${file.split('\\').join('/')}`, content.length, executable ? 0o755 : 0o644),
    )
    parts.push(content, Buffer.alloc((512 - (content.length % 512)) % 512))
  }
  parts.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(parts))
}

/** Orders `1.2.10` after `1.2.9`, and a prerelease before its release. */
function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', pre] = version.split('-', 2)
    return {parts: core.split('.').map(Number), pre}
  }
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < 3; i++) {
    const difference = (x.parts[i] ?? 0) - (y.parts[i] ?? 0)
    if (difference !== 0) return difference
  }
  if (x.pre === y.pre) return 0
  if (x.pre === undefined) return 1
  if (y.pre === undefined) return -1
  return x.pre < y.pre ? -1 : 1
}

export interface LocalRegistry {
  url: string
  /** Names of the packages npm asked for. */
  asked: Set<string>
  close: () => Promise<void>
}

export async function startLocalRegistry(store: string): Promise<LocalRegistry> {
  const packages = readStore(store)
  const tarballs = new Map<string, Buffer>()
  const asked = new Set<string>()
  let base = ''
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!.slice(1))
    const file = /^(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(path)
    if (file) {
      const stored = packages.get(file[1]!)?.get(file[2]!)
      if (!stored) return void response.writeHead(404).end()
      response.writeHead(200, {'content-type': 'application/octet-stream'})
      return void response.end(tarballs.get(`${file[1]}@${file[2]}`) ?? tarball(stored.dir))
    }
    asked.add(path)
    const versions = packages.get(path)
    if (!versions) {
      response.writeHead(404, {'content-type': 'application/json'})
      return void response.end('{"error":"not found"}')
    }
    const document: Record<string, unknown> = {name: path, versions: {}}
    for (const [version, stored] of versions) {
      const key = `${path}@${version}`
      let bytes = tarballs.get(key)
      if (!bytes) {
        bytes = tarball(stored.dir)
        tarballs.set(key, bytes)
      }
      const unscoped = path.split('/').pop()
      ;(document.versions as Record<string, unknown>)[version] = {
        ...stored.manifest,
        dist: {
          tarball: `${base}/${path}/-/${unscoped}-${version}.tgz`,
          integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
          shasum: createHash('sha1').update(bytes).digest('hex'),
        },
      }
    }
    document['dist-tags'] = {latest: [...versions.keys()].sort(compareVersions).at(-1)}
    response.writeHead(200, {'content-type': 'application/json'})
    response.end(JSON.stringify(document))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
