import { describe, expect, it } from 'vitest'
import {
  isNight,
  officeCloseDue,
  ruleAmount,
  timeliness,
  type AmountRule
} from '../../../src/shared/logbooks/deadline'

describe('isNight', () => {
  it('wraps midnight: 22:00 is night, 06:00 is day again', () => {
    const night = (t: string) => isNight(t, '22:00', '06:00')
    expect(['22:00', '23:59', '00:00', '03:30', '05:59'].map(night)).toEqual([
      true,
      true,
      true,
      true,
      true
    ])
    expect(['06:00', '06:01', '12:00', '21:59'].map(night)).toEqual([false, false, false, false])
  })

  it('a span within one day includes its start and excludes its end', () => {
    const lunch = (t: string) => isNight(t, '12:00', '13:00')
    expect(['11:59', '12:00', '12:59', '13:00', '23:00', '00:30'].map(lunch)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false
    ])
  })

  it('an empty span (start = end) is never night', () => {
    expect(isNight('22:00', '22:00', '22:00')).toBe(false)
    expect(isNight('03:00', '22:00', '22:00')).toBe(false)
  })
})

describe('ruleAmount', () => {
  const emergency: AmountRule = {
    amount: 5,
    maxAmount: null,
    nightAmount: 10,
    nightStart: '22:00',
    nightEnd: '06:00'
  }
  const caseRule: AmountRule = {
    amount: 7,
    maxAmount: 14,
    nightAmount: null,
    nightStart: null,
    nightEnd: null
  }

  it('gives the day amount by day and the night amount at night', () => {
    expect(ruleAmount(emergency, '10:00')).toBe(5)
    expect(ruleAmount(emergency, '21:59')).toBe(5)
    expect(ruleAmount(emergency, '22:00')).toBe(10)
    expect(ruleAmount(emergency, '23:00')).toBe(10)
    expect(ruleAmount(emergency, '05:59')).toBe(10)
    expect(ruleAmount(emergency, '06:00')).toBe(5)
  })

  it('gives the maximum once extended, and ignores night hours for it', () => {
    expect(ruleAmount(caseRule, '10:00')).toBe(7)
    expect(ruleAmount(caseRule, '10:00', true)).toBe(14)
    expect(
      ruleAmount(
        { ...caseRule, nightAmount: 3, nightStart: '22:00', nightEnd: '06:00' },
        '23:00',
        true
      )
    ).toBe(14)
  })

  it('an extension without a maximum leaves the usual amount', () => {
    expect(ruleAmount(emergency, '10:00', true)).toBe(5)
    expect(ruleAmount(emergency, '23:00', true)).toBe(10)
  })

  it('needs the night amount and both night ends to use night hours', () => {
    expect(ruleAmount({ ...emergency, nightAmount: null }, '23:00')).toBe(5)
    expect(ruleAmount({ ...emergency, nightStart: null }, '23:00')).toBe(5)
    expect(ruleAmount({ ...emergency, nightEnd: null }, '23:00')).toBe(5)
    // A night amount of 0 is a real amount, not "none".
    expect(ruleAmount({ ...emergency, nightAmount: 0 }, '23:00')).toBe(0)
  })
})

describe('officeCloseDue', () => {
  it('is the office close before it, the end of the day from it on', () => {
    expect(officeCloseDue('00:30', '17:30')).toBe('17:30')
    expect(officeCloseDue('10:00', '17:30')).toBe('17:30')
    expect(officeCloseDue('17:29', '17:30')).toBe('17:30')
    expect(officeCloseDue('17:30', '17:30')).toBe('23:59')
    expect(officeCloseDue('18:10', '17:30')).toBe('23:59')
  })

  it('follows other office hours', () => {
    expect(officeCloseDue('17:45', '18:00')).toBe('18:00')
    expect(officeCloseDue('18:00', '18:00')).toBe('23:59')
  })
})

describe('timeliness', () => {
  const due = '2026-11-02T02:05:00.000Z' // 10:05 station time
  const at = (hhmmss: string) => `2026-11-02T${hhmmss}.000Z`

  it('without a deadline there is nothing to judge', () => {
    expect(timeliness(null, at('02:00:00'), at('03:00:00'))).toEqual({
      state: 'none',
      minutesLate: 0,
      label: ''
    })
  })

  it('met at or before the deadline is on time, whatever the time now', () => {
    expect(timeliness(due, at('02:05:00'), at('09:00:00'))).toEqual({
      state: 'onTime',
      minutesLate: 0,
      label: '按时'
    })
    expect(timeliness(due, at('02:01:00'), at('02:02:00')).state).toBe('onTime')
  })

  it('met 3 minutes after the deadline is late by exactly 3 minutes', () => {
    expect(timeliness(due, at('02:08:00'), at('02:09:00'))).toEqual({
      state: 'late',
      minutesLate: 3,
      label: '超时 3 分钟'
    })
    // 3 minutes 59 seconds: whole minutes.
    expect(timeliness(due, at('02:08:59'), at('02:09:00')).minutesLate).toBe(3)
  })

  it('late by seconds counts as one minute late', () => {
    expect(timeliness(due, at('02:05:30'), at('02:06:00'))).toMatchObject({
      state: 'late',
      minutesLate: 1,
      label: '超时 1 分钟'
    })
  })

  it('not met: pending until the deadline (inclusive), then overdue', () => {
    expect(timeliness(due, undefined, at('02:04:00'))).toEqual({
      state: 'pending',
      minutesLate: 0,
      label: '未到期'
    })
    expect(timeliness(due, undefined, due).state).toBe('pending')
    expect(timeliness(due, '', at('02:04:00')).state).toBe('pending')
    expect(timeliness(due, null, at('02:10:00'))).toEqual({
      state: 'overdue',
      minutesLate: 5,
      label: '已超期 5 分钟'
    })
    // A non-text value is no time at all.
    expect(timeliness(due, 42, at('02:10:00')).state).toBe('overdue')
  })

  it('labels long delays in hours, then days', () => {
    const after = (minutes: number) => new Date(Date.parse(due) + minutes * 60_000).toISOString()
    expect(timeliness(due, undefined, after(119)).label).toBe('已超期 119 分钟')
    expect(timeliness(due, undefined, after(120)).label).toBe('已超期 2 小时')
    expect(timeliness(due, undefined, after(2879)).label).toBe('已超期 47 小时')
    expect(timeliness(due, undefined, after(2880)).label).toBe('已超期 2 天')
    expect(timeliness(due, after(3 * 1440 + 5), after(9999))).toMatchObject({
      state: 'late',
      minutesLate: 3 * 1440 + 5,
      label: '超时 3 天'
    })
  })
})
