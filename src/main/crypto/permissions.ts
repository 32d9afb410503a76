import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The data folder readable by this account only: every folder 0700, every file 0600 (database,
 * WAL, backups, photos, exports, logs, key). Run at start, so files written by an earlier version
 * or by another tool are tightened too; new files are written 0600 by their writers. Symbolic
 * links are left alone. No effect on Windows, where the per-user profile folder's ACL applies.
 */
export function tightenPermissions(dir: string): void {
  if (process.platform === 'win32') return
  chmodSync(dir, 0o700)
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const stat = lstatSync(path)
    if (stat.isDirectory()) tightenPermissions(path)
    else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) chmodSync(path, 0o600)
  }
}
