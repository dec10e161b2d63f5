// Sizes as `--max-size` takes them and as messages give them.

/**
 * The default of `--max-size`: far above any real log (thousands of entries are a few
 * MB); past it, reading and linting would take the machine's memory rather than fail
 * with a message.
 */
export const defaultMaxSize = 50_000_000

const units: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
}

/** Reads `--max-size`: bytes, or a number with a unit such as `50MB`, `500KB` or `1.5GiB`. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(text.trim())
  const unit = units[match?.[2]?.toLowerCase() ?? 'none']
  if (!match || unit === undefined) return undefined
  const bytes = Math.floor(Number(match[1]) * unit)
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined
}

/** A size as people read it: `50 MB`, `1.5 MB`, `800 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`
  const [value, unit] =
    bytes < 1000 ** 2
      ? [bytes / 1000, 'KB']
      : bytes < 1000 ** 3
        ? [bytes / 1000 ** 2, 'MB']
        : [bytes / 1000 ** 3, 'GB']
  return `${Number(value.toFixed(1))} ${unit}`
}
