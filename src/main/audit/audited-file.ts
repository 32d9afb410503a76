import { rmSync, renameSync } from 'node:fs'

/**
 * Writes an output under a temporary name, audits it, then gives it its name: a failed write or a
 * failed audit leaves no file behind in the exports folder.
 */
export async function auditedFile<T>(
  path: string,
  write: (partial: string) => Promise<T>,
  audit: (done: T) => void
) {
  const partial = `${path}.partial`
  try {
    const done = await write(partial)
    audit(done)
    renameSync(partial, path)
    return done
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}
