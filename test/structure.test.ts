// The shape of the sources: no module imports one that imports it back, and no file
// grows past 350 lines without its opening comment saying why.
import {readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const maxLines = 350

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const files = readdirSync(join(root, 'packages')).flatMap((name) =>
  sourceFiles(join(root, 'packages', name, 'src')),
)

// `import … from './x.js'` and `export … from './x.js'`, type-only ones included: a
// cycle of types is still two files that cannot be read one before the other.
const specifier = /^(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm

/** The relative imports of each file, as absolute paths of `.ts` files. */
function importGraph(paths: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const path of paths) {
    const text = readFileSync(path, 'utf8')
    const targets = [...text.matchAll(specifier)].map((match) =>
      resolve(dirname(path), match[1]!.replace(/\.js$/, '.ts')),
    )
    graph.set(path, targets)
  }
  return graph
}

/** Every cycle found by a depth-first walk, each as the files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return found
}

const named = (path: string) => relative(root, path)

describe('the sources', () => {
  it('have no import cycle', () => {
    const graph = importGraph(files)
    expect(graph.size).toBeGreaterThan(100)
    expect(cycles(graph).map((cycle) => cycle.map(named).join(' → '))).toEqual([])
  })

  it('find a cycle where there is one', () => {
    const a = join(root, 'a.ts')
    const b = join(root, 'b.ts')
    const c = join(root, 'c.ts')
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ).map((cycle) => cycle.length),
    ).toEqual([3])
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([])
  })

  it(`keep each file under ${maxLines} lines, or say in its opening comment why not`, () => {
    const long = files.filter((path) => {
      const text = readFileSync(path, 'utf8')
      const lines = text.split('\n').length
      const opening = /^(?:\/\/[^\n]*\n)+|^\/\*[^]*?\*\//.exec(text)?.[0] ?? ''
      return lines > maxLines && !/\blong\b|\blines\b/i.test(opening)
    })
    expect(long.map(named)).toEqual([])
  })
})
