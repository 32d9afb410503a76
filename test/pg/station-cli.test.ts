import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { knownServerMigrations } from '../../src/main/station/server'
import { repoRoot, tempDir } from '../helpers/services'
import { clusterInfo, createServerDatabase, OWNER, WINDOW } from '../helpers/pg-test'

/** Server migrations in drizzle-pg's journal. */
const known = knownServerMigrations(join(repoRoot, 'drizzle-pg'))

function cli(args: string[], password: string) {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args, '--data-dir', tempDir()],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, BIANMIN_STATION_PASSWORD: password }
    }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('npm run cli -- station:migrate / station:check', () => {
  it('the IT person migrates as the owner, then a window checks the server', async () => {
    const info = clusterInfo()
    const database = await createServerDatabase('cli')
    const server = ['--host', 'localhost', '--port', String(info.port), '--database', database]
    const tls = ['--ca', info.caFile]

    const before = cli(['station:check', ...server, '--user', WINDOW.user, ...tls], WINDOW.password)
    expect(before.code).toBe(0)
    expect(before.out).toContain(`! 服务器需要迁移（已应用 0 / ${known} 个）`)

    const migrated = cli(
      ['station:migrate', ...server, '--user', OWNER.user, ...tls],
      OWNER.password
    )
    expect(migrated.err).toBe('')
    expect(migrated.out).toContain(`已迁移服务器：0 → ${known} 个迁移，已授权 bianmin_app`)
    expect(migrated.code).toBe(0)

    const after = cli(['station:check', ...server, '--user', WINDOW.user, ...tls], WINDOW.password)
    expect(after.out.split('\n').filter((line) => line.startsWith('✓'))).toHaveLength(6)
    expect(after.code).toBe(0)

    const empty = cli(['station:verify', ...server, '--user', WINDOW.user, ...tls], WINDOW.password)
    expect(empty.out).toContain('服务器上还没有审计记录')
    expect(empty.code).toBe(0)

    const wrong = cli(['station:check', ...server, '--user', WINDOW.user, ...tls], 'nope')
    expect(wrong.code).toBe(1)
    expect(wrong.out).toContain('✗ 用户 station_window 的密码不对')

    const badUse = cli(['station:check', '--host', 'localhost'], WINDOW.password)
    expect(badUse.code).toBe(2)
    const badHost = cli(['station:migrate', ...server, '--user', 'Bad-Name', ...tls], 'x')
    expect(badHost.code).toBe(1)
    expect(badHost.err).toContain('用户名只能用小写字母、数字和下划线')
    // Seven CLI processes, each starting tsx: 42 s alone here, over 60 s beside other work.
  }, 180_000)
})
