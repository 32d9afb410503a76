import { afterEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openSignedIn, tempDir } from '../../helpers/services'
import { tableCell } from '../../../src/main/calendar/print-table'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

async function setUp(options: Parameters<typeof openSignedIn>[0] = {}) {
  const services = await openSignedIn(options)
  cleanups.push(services.cleanup)
  return { services, admin: services.auth.current()!.operator.id }
}

const schedule2027 = {
  year: 2027,
  notice: '国务院办公厅关于2027年部分节假日安排的通知（录入测试）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' }
  ],
  workdays: [{ date: '2027-02-13', name: '春节' }]
}

describe('holiday schedules entered by an administrator', () => {
  it('extends the working-day calendar past the bundled data, audited', async () => {
    const { services, admin } = await setUp()
    const before = await services.calendar.workCalendar()
    expect(before.coverage().lastYear).toBe(2026)
    expect(before.addWorkingDays('2027-02-05', 1).warnings[0]?.code).toBe('PAST_COVERAGE_END')

    await services.calendar.save(schedule2027, admin)
    const after = await services.calendar.workCalendar()
    expect(after.coverage().lastYear).toBe(2027)
    // Friday 02-05 + 1 working day skips the weekend and the three holidays: Tuesday 02-09.
    expect(after.addWorkingDays('2027-02-05', 1)).toEqual({ date: '2027-02-09', warnings: [] })
    expect(after.isWorkingDay('2027-02-13')).toBe(true)
    const { rows } = await services.audit.list({ page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ action: 'calendar.schedule.create' })

    await services.calendar.remove(2027, admin)
    expect((await services.calendar.workCalendar()).coverage().lastYear).toBe(2026)
    expect(await services.audit.verify()).toMatchObject({ ok: true })
  })

  it('refuses dates outside the year, weekday swaps and clashes, changing nothing', async () => {
    const { services, admin } = await setUp()
    const bad = [
      { ...schedule2027, holidays: [{ date: '2026-12-31', name: '元旦' }] },
      { ...schedule2027, workdays: [{ date: '2027-02-10', name: '春节' }] },
      { ...schedule2027, workdays: [{ date: '2027-02-06', name: '春节' }] }
    ]
    const messages = []
    for (const input of bad) {
      const error = await services.calendar.save(input, admin).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'VALIDATION' })
      messages.push((error as Error).message)
    }
    expect(messages).toEqual([
      '节假日安排有误（holidays.0.date）：应为 2027 年的日期',
      '节假日安排有误（workdays.0.date）：调休上班日应为周六或周日',
      '节假日安排有误（workdays.0.date）：该日已列为假日'
    ])
    expect(await services.calendar.list()).toEqual([])
  })
})

describe('the printed 阴阳历对照表', () => {
  it('labels lunar month starts, days and terms', () => {
    expect(tableCell('2026-02-17')).toEqual({ text: '正月', monthStart: true, term: null })
    expect(tableCell('2026-02-04')).toEqual({ text: '十七', monthStart: false, term: '立春' })
    expect(tableCell('2025-07-25')).toMatchObject({ text: '闰六月', monthStart: true })
    expect(tableCell('2026-12-09')).toMatchObject({ text: '冬月', monthStart: true })
  })

  it('writes one page per year into the exports folder, audited', async () => {
    const { services, admin } = await setUp()
    const printed = await services.calendar.printTable(2025, 2026, admin)
    expect(printed.pages).toBe(2)
    expect(printed.missingCharacters).toEqual([])
    expect(printed.path.startsWith(services.paths.exportDir)).toBe(true)
    expect(execFileSync('pdfinfo', [printed.path], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/)
    const text = execFileSync('pdftotext', ['-layout', printed.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('2025年 公历农历对照表（农历乙巳年 · 属蛇）')
    expect(text).toContain('2026年 公历农历对照表（农历丙午年 · 属马）')
    expect(text).toContain('闰六月')
    expect(text).toContain('立春')
    expect(text).toContain('依据香港天文台')
    expect(text).toMatch(/第\s?2\s?页/)
    const { rows } = await services.audit.list({ page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ action: 'calendar.print', entity: 'document' })
  })
})

describe('opening documents', () => {
  it('opens only files the app wrote into the exports folder', async () => {
    const opened: string[] = []
    const { services, admin } = await setUp({ openPath: async (file) => void opened.push(file) })
    const printed = await services.calendar.printTable(2026, 2026, admin)
    await services.openDocument(printed.path)
    expect(opened).toEqual([printed.path])

    const outside = join(tempDir(), 'evil.pdf')
    writeFileSync(outside, 'x')
    for (const path of [
      outside,
      join(services.paths.exportDir, '../bianmin.sqlite'),
      join(services.paths.exportDir, 'missing.pdf')
    ]) {
      await expect(services.openDocument(path)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
    expect(opened).toHaveLength(1)
  })
})
