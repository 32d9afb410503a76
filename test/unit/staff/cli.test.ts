import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { repoRoot, tempDir } from '../../helpers/services'

function cli(args: string[], input?: string) {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args],
    { cwd: repoRoot, input, encoding: 'utf8' }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('npm run cli -- attendance:sheet / awards', () => {
  it('prints and writes the attendance sheet and the award table', () => {
    const dir = tempDir()
    const d = ['--data-dir', dir]
    cli(
      ['operator:add', '--username', 'wang', '--name', '王建国', '--role', 'admin', ...d],
      'Station2026\n'
    )
    cli(
      ['operator:add', '--username', 'li', '--name', '李娜', '--role', 'clerk', ...d],
      'Clerk12345\n'
    )

    const sheet = cli(['attendance:sheet', '--month', '2026-11', ...d])
    expect(sheet.code).toBe(0)
    expect(sheet.out).toContain('2026-11 考勤表 / attendance (08:00–17:30)')
    // No swipes: 21 working days in November, each one already over counts as absent.
    expect(sheet.out).toMatch(/李娜\t21\t0\t0\t0\t\d+/)

    const out = join(dir, 'sheet.csv')
    // A write is audited under the operator named with --as, who must be active.
    const unnamed = cli(['attendance:sheet', '--month', '2026-11', '--out', out, ...d])
    expect(unnamed.code).toBe(1)
    expect(unnamed.err).toContain('--as')
    expect(existsSync(out)).toBe(false)
    const setActive = (active: number) => {
      const db = new Database(join(dir, 'bianmin.sqlite'))
      db.prepare("UPDATE operators SET active = ? WHERE username = 'li'").run(active)
      db.close()
    }
    setActive(0)
    const inactive = cli([
      'attendance:sheet',
      '--month',
      '2026-11',
      '--out',
      out,
      '--as',
      'li',
      ...d
    ])
    expect(inactive.err).toContain('已停用')
    expect(existsSync(out)).toBe(false)
    setActive(1)
    const written = cli([
      'attendance:sheet',
      '--month',
      '2026-11',
      '--out',
      out,
      '--as',
      'wang',
      ...d
    ])
    expect(written.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('民警,应出勤,出勤天数,迟到,早退,缺勤')
    expect(cli(['attendance:sheet', '--month', '2026-11', '--out', 'x.txt', ...d]).code).toBe(1)
    expect(cli(['attendance:sheet', '--month', '2026-13', ...d]).err).toContain('YYYY-MM')

    const awards = cli(['awards', '--month', '2026-11', ...d])
    expect(awards.code).toBe(0)
    expect(awards.out).toContain('建议 / suggested: 最佳 李娜')
    expect(awards.out).toContain('所长尚未确认')
    const json = JSON.parse(cli(['awards', '--month', '2026-11', '--json', ...d]).out) as {
      month: string
      rows: { officerName: string; rank: number }[]
    }
    expect(json.month).toBe('2026-11')
    expect(json.rows.map((r) => [r.officerName, r.rank])).toEqual([['李娜', 1]])
  }, 120_000)
})
