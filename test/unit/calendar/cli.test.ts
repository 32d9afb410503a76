import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describeDay } from '../../../src/shared/calendar'
import { repoRoot, tempDir } from '../../helpers/services'

const dataDir = tempDir()

function cli(args: string[], tz = 'Asia/Shanghai') {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args, '--data-dir', dataDir],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, TZ: tz }, maxBuffer: 64 << 20 }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** The same, without blocking, so that several commands can be checked at once. */
function cliAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'src/main/cli/index.ts'), ...args, '--data-dir', dataDir],
      { cwd: repoRoot }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('close', (code) => resolve({ code, out, err }))
  })
}

/** A Node stack frame ("    at fn (file:line:col)") anywhere in the output. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m

const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']

// Each case starts the CLI (a TypeScript process): slow on a busy 2-core machine, hence the timeouts.
describe('npm run cli -- lunar --from --to --json', { timeout: 120_000 }, () => {
  it('lists all 73,049 days of 1901–2100, one object a line, the same facts the converter shows', () => {
    const { code, out, err } = cli([
      'lunar',
      '--from',
      '1901-01-01',
      '--to',
      '2100-12-31',
      '--json'
    ])
    expect(err).toBe('')
    expect(code).toBe(0)
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(73_049)
    const days = lines.map((line) => JSON.parse(line))
    expect(days[0].date).toBe('1901-01-01')
    expect(days.at(-1).date).toBe('2100-12-31')
    for (let i = 0; i < days.length; i += 997) {
      const shown = describeDay(days[i].date)
      expect(days[i]).toEqual({
        date: shown.solar,
        lunarYear: shown.lunar.year,
        month: shown.lunar.month,
        leap: shown.lunar.leap,
        day: shown.lunar.day,
        ganzhi: shown.ganzhi,
        zodiac: shown.zodiac,
        term: shown.term,
        festivals: shown.festivals
      })
    }
    const springFestival = days.find((d) => d.date === '2026-02-17')
    expect(springFestival).toMatchObject({ lunarYear: 2026, month: 1, day: 1, zodiac: '马' })
    expect(springFestival.festivals).toContain('春节')
    expect(days.find((d) => d.date === '2033-12-22')).toMatchObject({ month: 11, leap: true })
  })

  it.each(zones)('gives the same days under TZ=%s', (tz) => {
    const { code, out } = cli(['lunar', '--from', '2033-12-01', '--to', '2034-02-28', '--json'], tz)
    expect(code).toBe(0)
    const reference = cli(['lunar', '--from', '2033-12-01', '--to', '2034-02-28', '--json'], 'UTC')
    expect(out).toBe(reference.out)
    expect(out.trimEnd().split('\n')).toHaveLength(90)
  })

  it('refuses a range outside 1900-01-31…2100-12-31 or backwards, in one line', () => {
    for (const [from, to] of [
      ['1800-01-01', '1901-01-01'],
      ['2100-01-01', '2101-01-01'],
      ['2020-01-02', '2020-01-01'],
      ['9999-01-01', '9999-12-31']
    ]) {
      const result = cli(['lunar', '--from', from!, '--to', to!, '--json'])
      expect(result.code).toBe(1)
      expect(result.out).toBe('')
      expect(result.err.trimEnd().split('\n')).toHaveLength(1)
      expect(result.err).toMatch(/^错误 \/ error: /)
    }
  })
})

describe('npm run cli -- solar / workdays / future dates', { timeout: 120_000 }, () => {
  it.each(zones)('converts 农历1987年闰六月初三 with solar 1987 6 3 --leap (TZ=%s)', (tz) => {
    const result = cli(['solar', '1987', '6', '3', '--leap'], tz)
    expect(result.code).toBe(0)
    expect(result.out).toContain('公历：1987-07-28 星期二')
    const plain = cli(['solar', '1987', '6', '3'], tz)
    expect(plain.out).toContain('公历：1987-06-28 星期日')
  })

  it.each(zones)('adds 7 working days across National Day (TZ=%s)', (tz) => {
    const result = cli(['workdays', '--from', '2026-09-30', '--add', '7'], tz)
    expect(result.code).toBe(0)
    const positional = cli(['workdays', '2026-09-30', '7'], tz)
    expect(result.out).toBe(positional.out)
    // 1–8 October are the holiday; 9 and 10 October (a make-up Saturday) are working days.
    expect(result.out).toMatch(/2026-09-30 起第 7 个工作日：2026-10-1\d/)
  })

  it('converts future dates and says the person is not born yet', () => {
    for (const date of ['2033-12-22', '2033年闰十一月初一', '2030年正月初一', '2100-12-31']) {
      const result = cli(['lunar', date])
      expect(result.err).toBe('')
      expect(result.code).toBe(0)
      expect(result.out).toContain('尚未出生')
    }
    expect(JSON.parse(cli(['lunar', '2033-12-22', '--json']).out).age).toBeNull()
  })

  it('refuses a leap month the year does not have with exit 1 and one line', () => {
    const result = cli(['solar', '1987', '5', '3', '--leap'])
    expect(result.code).toBe(1)
    expect(result.err.trimEnd().split('\n')).toEqual([expect.stringContaining('没有闰五月')])
  })
})

describe('command-line conventions', { timeout: 120_000 }, () => {
  const names = [
    'db:check',
    'operator:add',
    'photo',
    'address',
    'lunar',
    'solar',
    'workdays',
    'idcheck',
    'logbook:export',
    'guide',
    'attendance:sheet',
    'awards'
  ]

  it('--help lists every command and exits 0', () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const result = cli(args)
      expect(result.code).toBe(0)
      for (const name of names) expect(result.out).toContain(`  ${name} `)
    }
  })

  it('every command has --help (its own usage, exit 0)', async () => {
    const results = await Promise.all(names.map((name) => cliAsync([name, '--help'])))
    results.forEach((result, i) => {
      expect({ name: names[i], code: result.code, err: result.err }).toEqual({
        name: names[i],
        code: 0,
        err: ''
      })
      expect(result.out).toContain(`用法 / usage: npm run cli -- ${names[i]} `)
    })
  })

  it('every command refuses an unknown option: one line, its usage, exit 2', async () => {
    const results = await Promise.all(names.map((name) => cliAsync([name, '--no-such-option'])))
    results.forEach((result, i) => {
      expect({ name: names[i], code: result.code }).toEqual({ name: names[i], code: 2 })
      const [first, ...rest] = result.err.trimEnd().split('\n')
      expect(first).toBe('未知选项 / unknown option: --no-such-option')
      expect(rest.join('\n')).toContain(`用法 / usage: npm run cli -- ${names[i]} `)
      expect(result.err).not.toMatch(STACK_FRAME)
    })
  })

  it('an unknown command prints one line and the usage to stderr and exits 2', () => {
    const result = cli(['foo'])
    expect(result.code).toBe(2)
    expect(result.out).toBe('')
    expect(result.err.split('\n')[0]).toBe('未知命令 / unknown command: foo')
    expect(result.err).toContain('  lunar ')
    expect(cli(['__proto__']).code).toBe(2)
    expect(cli(['toString']).code).toBe(2)
  })

  it('a missing argument is wrong use (exit 2); no output ever carries a stack trace', async () => {
    const cases: [string[], number][] = [
      [['solar'], 2],
      [['solar', 'x', '6', '3'], 2],
      [['lunar'], 2],
      [['lunar', '--from', '2020-01-01'], 2],
      [['workdays', '--from', '2026-09-30'], 2],
      [['workdays', '--from', 'tomorrow', '--add', '3'], 1],
      [['lunar', 'not a date'], 1],
      [['lunar', '2021-02-30'], 1],
      [['lunar', '\u202e1987-07-28'], 1],
      [['photo', '--spec', 'resident-id', '/no/such/file.jpg', '/tmp/x.jpg'], 1],
      [['guide', 'checklist'], 2],
      [['address'], 2]
    ]
    const results = await Promise.all(cases.map(([args]) => cliAsync(args)))
    results.forEach((result, i) => {
      const [args, expected] = cases[i]!
      expect({ args, code: result.code }).toEqual({ args, code: expected })
      expect(result.err).not.toMatch(STACK_FRAME)
      expect(result.out).not.toMatch(STACK_FRAME)
    })
  })

  it('--debug is accepted by every command and adds the details only on failure', () => {
    const ok = cli(['lunar', '2026-02-17', '--debug'])
    expect(ok.code).toBe(0)
    expect(ok.err).toBe('')
    const refused = cli(['lunar', '2021-02-30', '--debug'])
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(STACK_FRAME)
  })
})
