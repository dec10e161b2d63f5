import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {userInfo} from 'node:os'
import {dirname} from 'node:path'

const names = new Map<string, Promise<string | undefined>>()

/**
 * Who writes a new entry, as `session-log new` decides it: `git config user.name` as
 * seen from `dir`, else the login name. Asked once per folder, since code actions are
 * requested on every cursor move.
 */
export function engineerName(dir: string): Promise<string | undefined> {
  let name = names.get(dir)
  if (!name) {
    name = new Promise((resolve) => {
      const cwd = existingFolder(dir)
      execFile('git', ['config', 'user.name'], {cwd, timeout: 3000}, (error, stdout) => {
        const value = error ? '' : stdout.trim()
        resolve(value === '' ? loginName() : value)
      })
    })
    names.set(dir, name)
  }
  return name
}

// A document the editor has not saved yet may sit in a folder that does not exist yet.
function existingFolder(dir: string): string {
  let at = dir
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at)
  return at
}

function loginName(): string | undefined {
  try {
    return userInfo().username || undefined
  } catch {
    // No user database entry (some containers): the template's placeholder stays.
    return undefined
  }
}
