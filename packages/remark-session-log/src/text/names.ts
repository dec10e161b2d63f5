// How the names of sections, fields, questions and rows are compared, and read from bold
// labels: the template loader, the model and stats all compare names this way.

// Rules look parts up by name in every entry on every lint; the names are few.
const normalized = new Map<string, string>()

/** Case, spacing, trailing punctuation and emphasis do not make two names differ. */
export function normalizeName(name: string): string {
  let result = normalized.get(name)
  if (result === undefined) {
    result = name
      .normalize('NFC')
      .replace(/[*_`]/g, '')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .replace(/(?<![:?.\s])[:?.\s]+$/, '')
      .toLowerCase()
    // Names are short and repeat; a log full of made-up ones must not grow this forever.
    if (normalized.size >= 10_000) normalized.clear()
    normalized.set(name, result)
  }
  return result
}

export interface BoldLabel {
  /** Label text without the emphasis markers and with surrounding spaces removed. */
  label: string
  /** Offsets of the label text inside the input. */
  labelStart: number
  labelEnd: number
  /** Offset just after the closing marker (and a colon written outside it). */
  end: number
}

/**
 * Reads `**Label:**`, `__Label:__` or `**Label**:` at the start of `raw`.
 * Returns undefined when the text does not start with a bold label.
 */
export function readBoldLabel(raw: string): BoldLabel | undefined {
  const match = /^(\*\*|__)(?=\S)([^\n]*?\S)\1(:?)/.exec(raw)
  if (!match) return undefined
  const marker = match[1] ?? ''
  const inner = match[2] ?? ''
  const colon = match[3] ?? ''
  return {
    label: inner + colon,
    labelStart: marker.length,
    labelEnd: marker.length + inner.length,
    end: match[0].length,
  }
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (typos like
 * "Inptus"), bounded: returns `limit + 1` as soon as it is exceeded.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const rows: number[][] = [Array.from({length: b.length + 1}, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1]!
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      }
      row.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

/** A name is a near miss of another when a few letters differ, scaled to its length. */
export function isNearMiss(a: string, b: string): boolean {
  const limit = Math.max(1, Math.floor(Math.min(a.length, b.length) / 5))
  return editDistance(a, b, limit) <= limit
}
