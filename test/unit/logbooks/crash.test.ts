import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { openSignedIn, openTestServices, repoRoot, tempDir } from '../../helpers/services'

describe('a crash in the middle of saving', () => {
  it('kill -9 during writes loses no committed entry and corrupts nothing', async () => {
    const dataDir = tempDir()
    const setup = await openSignedIn({ dataDir })
    setup.close()

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'test/unit/logbooks/crash-writer.ts'), dataDir],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    const committed: string[] = []
    let buffer = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        const lines = buffer.split('\n')
        buffer = lines.pop()!
        committed.push(...lines)
        if (committed.length >= 200 && !child.killed) {
          child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((resolve) => child.on('exit', resolve))

    const services = await openTestServices({ dataDir })
    try {
      expect(services.integrity()).toMatchObject({ ok: true, integrity: ['ok'] })
      const ids = new Set(
        services.sqlite.prepare('SELECT id FROM logbook_liaison').pluck().all() as string[]
      )
      // Every entry the child reported as saved is there (and perhaps one more in flight).
      expect(committed.filter((id) => !ids.has(id))).toEqual([])
      expect(ids.size).toBeGreaterThanOrEqual(committed.length)
      expect((await services.audit.verify()).ok).toBe(true)
    } finally {
      services.cleanup()
    }
  })
})
