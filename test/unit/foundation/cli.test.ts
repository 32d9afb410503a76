import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openSignedIn, openTestServices, repoRoot, tempDir } from '../../helpers/services'
import { rewriteRow, truncateLog } from '../../helpers/audit-tamper'

function cli(args: string[], input?: string) {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args],
    {
      cwd: repoRoot,
      input,
      encoding: 'utf8'
    }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('npm run cli', () => {
  it('backup:restore decrypts a backup of this data folder into a new database file', async () => {
    const dir = tempDir()
    const services = await openTestServices({ dataDir: dir })
    const { file } = await services.backup()
    services.close()
    const target = join(tempDir(), 'restored.sqlite')
    const missing = cli(['backup:restore', file, '--data-dir', dir])
    expect(missing.code).toBe(2)
    const restored = cli(['backup:restore', file, '--to', target, '--data-dir', dir])
    expect(restored.err).toBe('')
    expect(restored.code).toBe(0)
    const copy = new Database(target, { readonly: true })
    expect(copy.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    copy.close()
    // Not over an existing file, and not with another data folder's key.
    expect(cli(['backup:restore', file, '--to', target, '--data-dir', dir]).code).toBe(2)
    const other = cli(['backup:restore', file, '--to', `${target}.2`, '--data-dir', tempDir()])
    expect(other.code).not.toBe(0)
    expect(other.err).toContain('无法解密')
  })

  it('db:check creates and migrates a database, then passes', () => {
    const dir = tempDir()
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(0)
    expect(result.out).toContain('完整性 / integrity: ok')
    expect(result.out).toContain('审计链 / audit chain: ok, 0 rows')
  })

  it('operator:add validates, adds an audited operator, and db:check still passes', () => {
    const dir = tempDir()
    const bad = cli(
      ['operator:add', '--username', 'li', '--name', '李娜', '--data-dir', dir],
      'short\n'
    )
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('密码至少 8 位')

    const added = cli(
      [
        'operator:add',
        '--username',
        'li',
        '--name',
        '李娜',
        '--role',
        'director',
        '--data-dir',
        dir
      ],
      'Director2026\n'
    )
    expect(added.code).toBe(0)
    expect(added.out).toContain('li (director)')
    expect(cli(['db:check', '--data-dir', dir]).out).toContain('audit chain: ok, 1 rows')
  })

  it('db:check fails when the audit chain was tampered with', () => {
    const dir = tempDir()
    cli(['operator:add', '--username', 'li', '--name', '李娜', '--data-dir', dir], 'Clerk12345\n')
    const raw = new Database(join(dir, 'bianmin.sqlite'))
    raw.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'forged' WHERE seq = 1"
    )
    raw.close()
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.out).toContain('BROKEN at #1')
  })

  /** A log of 15 rows, closed (which signs a checkpoint), then opened raw as a reviewer would. */
  async function loggedAndClosed() {
    const dir = tempDir()
    const services = await openSignedIn({ dataDir: dir })
    for (let i = 0; i < 13; i++) await services.audit.record({ operatorId: null, action: `t.${i}` })
    services.close()
    return { dir, raw: new Database(join(dir, 'bianmin.sqlite')) }
  }

  it('db:check names the first bad row after the reviewer’s rewrite (edit, plain re-chain, triggers back)', async () => {
    const { dir, raw } = await loggedAndClosed()
    rewriteRow(raw, 9, '{"forged":true}')
    raw.close()
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.out).toContain('BROKEN at #9: 密钥签名不符')
  })

  it('db:check reports the last 5 rows deleted, naming the first missing one', async () => {
    const { dir, raw } = await loggedAndClosed()
    truncateLog(raw, 5)
    raw.close()
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.out).toContain('BROKEN at #11: 记录被截断或删除')
  })

  it('db:check reports an edited checkpoint file', async () => {
    const { dir, raw } = await loggedAndClosed()
    raw.close()
    const file = join(dir, 'audit-checkpoints.log')
    writeFileSync(file, readFileSync(file, 'utf8').replace('"seq":15', '"seq":16'))
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.out).toContain('审计链 / audit chain: ok, 15 rows')
    expect(result.out).toContain('audit checkpoints: BROKEN: 审计检查点文件第 1 行签名不符')
  })

  it('db:check refuses a database from a newer version without touching it', () => {
    const dir = tempDir()
    const raw = new Database(join(dir, 'bianmin.sqlite'))
    raw.pragma('user_version = 42')
    raw.close()
    const result = cli(['db:check', '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.err).toContain('架构版本 42')
  })

  it('prints usage for an unknown command', () => {
    const result = cli(['no-such-command'])
    expect(result.code).toBe(2)
    expect(result.err).toContain('db:check')
  })
})

describe('npm run cli -- lunar / workdays', () => {
  it('converts a leap-month lunar birthday and a Gregorian date', () => {
    const dir = tempDir()
    const lunar = cli(['lunar', '1987年闰六月初三', '--data-dir', dir])
    expect(lunar.code).toBe(0)
    expect(lunar.out).toContain('公历：1987-07-28 星期二')
    expect(lunar.out).toContain('干支：丁卯年 丁未月 戊寅日，生肖：兔')
    const json = JSON.parse(cli(['lunar', '2026-02-17', '--json', '--data-dir', dir]).out)
    expect(json).toMatchObject({ lunarText: '2026年正月初一', festivals: ['春节'], zodiac: '马' })
  })

  it('says which months a year has when the leap month does not exist', () => {
    const result = cli(['lunar', '1987年闰五月初三', '--data-dir', tempDir()])
    expect(result.code).toBe(1)
    expect(result.err).toContain('农历1987年没有闰五月（该年只有闰六月')
  })

  it('counts working days across the National Day holiday and warns past the data', () => {
    const dir = tempDir()
    expect(cli(['workdays', '2026-09-30', '3', '--data-dir', dir]).out).toContain('2026-10-10')
    const past = cli(['workdays', '2026-12-30', '5', '--data-dir', dir])
    expect(past.code).toBe(1)
    expect(past.out).toContain('注意：')
  })
})
