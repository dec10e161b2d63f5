import {createHash, randomBytes} from 'node:crypto'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {builtinTemplates, type Finding} from 'remark-session-log'
import type {Settings} from './config.js'
import {version} from './version.js'

interface CacheFile {
  version: string
  findings: Record<string, Finding[]>
}

/**
 * `--cache`: findings kept on disk by a hash of everything they depend on (the log's
 * text, the settings, the template, today's date and this version), so a log that has
 * not changed since the last run is not parsed again.
 */
export class FindingsCache {
  private readonly previous: Record<string, Finding[]>
  private readonly current: Record<string, Finding[]> = {}

  constructor(private readonly path: string) {
    this.previous = readCache(path)
  }

  key(text: string, settings: Settings, today: string): string {
    const hash = createHash('sha256')
    for (const part of [version, today, JSON.stringify(settings), templateText(settings), text]) {
      hash.update(part).update('\0')
    }
    return hash.digest('hex')
  }

  get(key: string): Finding[] | undefined {
    const found = this.current[key] ?? this.previous[key]
    if (found) this.current[key] = found
    return found
  }

  set(key: string, findings: Finding[]): void {
    this.current[key] = findings
  }

  /** Writes what this run used; entries of logs it did not see are dropped. */
  save(): void {
    const data: CacheFile = {version, findings: this.current}
    // Written beside and renamed over, so a run that stops half way leaves the old cache.
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`
    try {
      writeFileSync(temp, JSON.stringify(data))
      renameSync(temp, this.path)
    } catch {
      // A cache that cannot be written costs time on the next run, nothing else.
      rmSync(temp, {force: true})
    }
  }
}

// A cache that cannot be read is a cache miss, never an error: it only saves time.
function readCache(path: string): Record<string, Finding[]> {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>
    return data.version === version && data.findings && typeof data.findings === 'object'
      ? data.findings
      : {}
  } catch {
    return {}
  }
}

// A custom template is part of the key by its text, so editing it invalidates the cache.
function templateText(settings: Settings): string {
  const template = settings.template
  if (!template || (builtinTemplates as readonly string[]).includes(template)) return template ?? ''
  try {
    return readFileSync(template, 'utf8')
  } catch {
    return template
  }
}
