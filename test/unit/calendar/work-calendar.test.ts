import { describe, expect, it } from 'vitest'
import {
  computeDue,
  createWorkCalendar,
  defaultSchedules,
  getDefaultWorkCalendar,
  dayOfWeek,
  daysToIso,
  toDays,
  type HolidaySchedule
} from '../../../src/shared/calendar'
import { HOLIDAY_ROWS } from '../../../src/shared/calendar/holiday-data'
import { buildHolidayRows, loadChineseDays } from './generate-holidays'

const cal = getDefaultWorkCalendar()

describe('bundled data (chinese-days)', () => {
  const { data } = loadChineseDays()
  it('holiday-data.ts is up to date with node_modules/chinese-days', () => {
    expect(HOLIDAY_ROWS.map(([year, h, w]) => ({ year, h, w }))).toEqual(buildHolidayRows(data))
  })
  it('agrees with chinese-days on every day 2004–2026', () => {
    let checked = 0
    for (let d = toDays('2004-01-01'); d <= toDays('2026-12-31'); d++) {
      const iso = daysToIso(d)
      const dow = dayOfWeek(d)
      const want = data.workdays[iso] ? true : data.holidays[iso] ? false : dow !== 0 && dow !== 6
      if (cal.isWorkingDay(iso) !== want) throw new Error(`mismatch ${iso}`)
      checked++
    }
    expect(checked).toBe(8401)
  })
  it('coverage and notices', () => {
    expect(cal.coverage()).toEqual({
      firstYear: 2004,
      lastYear: 2026,
      years: Array.from({ length: 23 }, (_, i) => 2004 + i),
      missingYears: []
    })
    expect(cal.notice(2026)).toBe('国务院办公厅关于2026年部分节假日安排的通知')
    expect(cal.notice(2005)).toBe('State Council notice for 2005')
    expect(cal.notice(2030)).toBeUndefined()
  })
})

describe('2026 National Day (10-01…10-07 off; Sun 09-20 and Sat 10-10 worked)', () => {
  it('day kinds', () => {
    expect(cal.dayInfo('2026-10-01')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '国庆节'
    })
    expect(cal.isWorkingDay('2026-10-07')).toBe(false)
    expect(cal.dayInfo('2026-10-08')).toMatchObject({ working: true, kind: 'workday' })
    expect(cal.dayInfo('2026-10-10')).toMatchObject({ working: true, kind: 'swapped-workday' })
    expect(cal.dayInfo('2026-09-20')).toMatchObject({ working: true, kind: 'swapped-workday' })
    expect(cal.dayInfo('2026-10-11')).toMatchObject({ working: false, kind: 'weekend' })
  })
  it('addWorkingDays across the holiday', () => {
    const add = (s: string, n: number): string => cal.addWorkingDays(s, n).date
    expect(add('2026-09-30', 1)).toBe('2026-10-08')
    expect(add('2026-09-30', 2)).toBe('2026-10-09')
    expect(add('2026-09-30', 3)).toBe('2026-10-10') // swapped Saturday counts
    expect(add('2026-09-30', 4)).toBe('2026-10-12')
    expect(add('2026-10-03', 1)).toBe('2026-10-08') // start inside the holiday
    expect(add('2026-09-18', 1)).toBe('2026-09-20') // swapped Sunday
    expect(add('2026-10-08', -1)).toBe('2026-09-30')
    expect(add('2026-10-01', 0)).toBe('2026-10-08')
    expect(add('2026-09-30', 0)).toBe('2026-09-30')
    expect(cal.addWorkingDays('2026-09-30', 5).warnings).toEqual([])
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-12').count).toBe(4)
  })
  it('swapped Saturdays elsewhere (2026-02-14, 2026-02-28, 2026-05-09)', () => {
    for (const d of ['2026-02-14', '2026-02-28', '2026-05-09']) {
      expect(dayOfWeek(toDays(d))).toBe(6)
      expect(cal.isWorkingDay(d)).toBe(true)
    }
    expect(cal.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14')
    expect(cal.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24')
  })
})

describe('coverage warnings', () => {
  it('warns when a computation runs past the last loaded year', () => {
    const r = cal.addWorkingDays('2026-12-25', 10)
    expect(r.date).toBe('2027-01-08') // weekend rule only: 2027-01-01 counted as a working day
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatchObject({ code: 'PAST_COVERAGE_END', year: 2027 })
    expect(r.warnings[0].message).toContain('2026')
    expect(cal.addWorkingDays('2026-12-20', 3).warnings).toEqual([])
    expect(cal.dayInfo('2027-01-01').covered).toBe(false)
    expect(cal.addWorkingDays('2004-01-05', -3).warnings[0].code).toBe('BEFORE_COVERAGE_START')
  })
  it('an administrator can add a year', () => {
    const y2027: HolidaySchedule = {
      year: 2027,
      notice: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [{ date: '2027-01-02', name: '元旦' }]
    }
    const ext = createWorkCalendar([...defaultSchedules(), y2027])
    expect(ext.coverage().lastYear).toBe(2027)
    expect(ext.notice(2027)).toBe(y2027.notice)
    expect(ext.isWorkingDay('2027-01-01')).toBe(false)
    expect(ext.isWorkingDay('2027-01-02')).toBe(true)
    expect(ext.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-02', warnings: [] })
  })
  it('rejects inconsistent schedules', () => {
    const bad =
      (s: HolidaySchedule): (() => unknown) =>
      () =>
        createWorkCalendar([s])
    const base = { year: 2030, notice: 'x', holidays: [], workdays: [] }
    expect(bad({ ...base, holidays: [{ date: '2031-01-01', name: '元旦' }] })).toThrow(/不在该年内/)
    expect(
      bad({
        ...base,
        holidays: [{ date: '2030-01-01', name: '元旦' }],
        workdays: [{ date: '2030-01-01' }]
      })
    ).toThrow(/同时/)
    expect(() => createWorkCalendar([])).toThrow()
  })
  it('reports gaps', () => {
    const c = createWorkCalendar(defaultSchedules().filter((s) => s.year !== 2010))
    expect(c.coverage().missingYears).toEqual([2010])
    expect(c.addWorkingDays('2010-06-01', 1).warnings[0].code).toBe('YEAR_NOT_LOADED')
  })
})

describe('computeDue', () => {
  it('minutes and hours (may cross midnight)', () => {
    expect(computeDue({ date: '2026-09-30', time: '23:50' }, 20, 'minutes')).toEqual({
      date: '2026-10-01',
      time: '00:10',
      warnings: []
    })
    expect(computeDue({ date: '2026-09-30', time: '09:15' }, 48, 'hours')).toMatchObject({
      date: '2026-10-02',
      time: '09:15'
    })
  })
  it('calendar days: end of office hours, optional roll to a working day', () => {
    expect(computeDue({ date: '2026-09-28', time: '10:00' }, 3, 'calendarDays')).toMatchObject({
      date: '2026-10-01',
      time: '17:30'
    })
    expect(
      computeDue({ date: '2026-09-28', time: '10:00' }, 3, 'calendarDays', {
        rollToWorkingDay: true
      })
    ).toMatchObject({ date: '2026-10-08', time: '17:30' })
  })
  it('working days: end of the last working day (17:30 default)', () => {
    expect(computeDue({ date: '2026-09-30', time: '09:00' }, 1, 'workingDays')).toEqual({
      date: '2026-10-08',
      time: '17:30',
      warnings: []
    })
    expect(
      computeDue({ date: '2026-09-30', time: '09:00' }, 3, 'workingDays', { officeEnd: '17:00' })
    ).toMatchObject({ date: '2026-10-10', time: '17:00' })
    expect(
      computeDue({ date: '2026-12-30', time: '09:00' }, 5, 'workingDays').warnings[0].code
    ).toBe('PAST_COVERAGE_END')
  })
  it('validates input', () => {
    expect(() => computeDue({ date: '2026-09-30', time: '25:00' }, 1, 'hours')).toThrow(/HH:mm/)
    expect(() => computeDue({ date: '2026-09-30', time: '09:00' }, -1, 'hours')).toThrow()
    expect(() => computeDue({ date: '2026-02-30', time: '09:00' }, 1, 'hours')).toThrow()
  })
})
