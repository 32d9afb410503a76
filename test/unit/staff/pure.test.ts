import {
  stationClock,
  stationDate,
  stationDateTime,
  stationTime,
  weekdayName,
  weekdayOf
} from '../../../src/shared/dates'
import { csvCell } from '../../../src/main/logbooks/output'
import { shortId } from '../../../src/shared/ids'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bookKeys, books } from '../../../src/shared/logbooks/books'
import { repoRoot } from '../../helpers/services'
import { getTableColumns, getTableName } from 'drizzle-orm'
import { tables } from '../../../src/main/logbooks/logbooks-repo'
import {
  cardTag,
  createSwipeCatcher,
  createWedgeDetector,
  detectCard
} from '../../../src/shared/staff/wedge'
import { inLastWeek, quotaProgress } from '../../../src/shared/staff/quota'
import {
  defaultWeights,
  scoreOfficers,
  suggestAwards,
  type OfficerFigures
} from '../../../src/shared/staff/score'
import { quarterOf, sampleIds } from '../../../src/shared/staff/sampler'
import { absenceUntil, attendanceSheet, nextDirection } from '../../../src/shared/staff/attendance'

const keys = (text: string, start: number, gap: number) =>
  [...text].map((key, i) => ({ key: key === '\n' ? 'Enter' : key, at: start + i * gap }))

describe('keyboard-wedge detector', () => {
  const options = { maxGapMs: 40, minDigits: 6, maxDigits: 12 }

  it('takes a fast burst of digits ending with Enter as a card', () => {
    expect(detectCard(keys('0012345678\n', 1000, 8), options)).toBe('0012345678')
  })

  it('ignores the same digits typed by a person', () => {
    expect(detectCard(keys('0012345678\n', 1000, 150), options)).toBeNull()
  })

  it('drops slow digits typed before a burst and keeps the burst', () => {
    const typed = keys('99', 0, 300)
    const burst = keys('1234567\n', 2000, 5)
    expect(detectCard([...typed, ...burst], options)).toBe('1234567')
  })

  it('rejects a burst too short, too long, or broken by a letter', () => {
    expect(detectCard(keys('12345\n', 0, 5), options)).toBeNull()
    expect(detectCard(keys('1234567890123\n', 0, 5), options)).toBeNull()
    expect(detectCard(keys('123a4567\n', 0, 5), options)).toBeNull()
  })

  it('needs the Enter itself to come fast', () => {
    const slowEnter = [...keys('1234567', 0, 5), { key: 'Enter', at: 500 }]
    expect(detectCard(slowEnter, options)).toBeNull()
  })

  it('honours the threshold parameter', () => {
    const d = createWedgeDetector({ ...options, maxGapMs: 200 })
    let last = d.key('1', 0)
    for (const k of keys('234567\n', 150, 150)) last = d.key(k.key, k.at)
    expect(last).toEqual({ kind: 'card', number: '1234567' })
  })
})

describe('the app-wide swipe catcher', () => {
  const options = { maxGapMs: 40, minDigits: 6, maxDigits: 12 }
  interface Field {
    value: string
  }
  /** Types text into a field (or nowhere) as the browser would: keydown, then the key lands. */
  const salt = 'c0ffee'
  const registered = new Set(['0012345678', '5550001234'].map((n) => cardTag(salt, n)))
  function setup() {
    const cards: string[] = []
    const stopped: string[] = []
    const undos: (() => void)[] = []
    const catcher = createSwipeCatcher<Field>(options, {
      field: (target) =>
        target && typeof target === 'object' && 'value' in target ? (target as Field) : null,
      skip: (target) => target === 'swipe-box',
      restore: (field, value) => (field.value = value),
      isCard: (n) => registered.has(cardTag(salt, n)),
      onCard: (n, undo) => {
        cards.push(n)
        undos.push(undo)
      }
    })
    const type = (target: Field | string | null, text: string, start: number, gap: number) => {
      for (const { key, at } of keys(text, start, gap)) {
        let prevented = false
        catcher({
          key,
          timeStamp: at,
          target,
          preventDefault: () => (prevented = true),
          stopPropagation: () => undefined
        })
        if (prevented) stopped.push(key)
        else if (key !== 'Enter' && target && typeof target === 'object') target.value += key
      }
    }
    return { cards, stopped, undos, type }
  }

  it('takes a burst out of the focused field it went into, and stops its Enter', () => {
    const { cards, stopped, type } = setup()
    const field = { value: '' }
    type(field, '王秀英 13', 0, 300)
    type(field, '0012345678\n', 5000, 5)
    expect(cards).toEqual(['0012345678'])
    expect(field.value).toBe('王秀英 13')
    expect(stopped).toEqual(['Enter'])
  })

  it('leaves a person typing digits and Enter alone', () => {
    const { cards, stopped, type } = setup()
    const field = { value: '' }
    type(field, '0012345678\n', 0, 120)
    expect(cards).toEqual([])
    expect(field.value).toBe('0012345678')
    expect(stopped).toEqual([])
  })

  it('leaves a burst that is no registered card (a scanned ID number) in the field, Enter and all', () => {
    const { cards, stopped, type } = setup()
    const field = { value: '' }
    type(field, '电话 ', 0, 300)
    type(field, '13800138000\n', 5000, 5)
    expect(cards).toEqual([])
    expect(field.value).toBe('电话 13800138000')
    expect(stopped).toEqual([])
  })

  it('puts the digits back when main refuses a caught card', () => {
    const { cards, undos, type } = setup()
    const field = { value: '' }
    type(field, '月坛', 0, 300)
    type(field, '0012345678\n', 5000, 5)
    expect(field.value).toBe('月坛')
    expect(cards).toEqual(['0012345678'])
    undos[0]!()
    expect(field.value).toBe('月坛0012345678')
  })

  it('tags a card the same way each time, and differently with another salt', () => {
    expect(cardTag(salt, '0012345678')).toMatch(/^[0-9a-f]{4}$/)
    expect(cardTag(salt, '0012345678')).toBe(cardTag(salt, '0012345678'))
    const tags = new Set(['a', 'b', 'c', 'd'].map((s) => cardTag(s, '0012345678')))
    expect(tags.size).toBeGreaterThan(1)
  })

  it('catches a burst with no field focused, and ignores the F7 swipe box', () => {
    const { cards, type } = setup()
    type(null, '5550001234\n', 0, 5)
    type('swipe-box', '0012345678\n', 1000, 5)
    expect(cards).toEqual(['5550001234'])
  })
})

describe('follow-up quota', () => {
  const quota = { households: 3, persons: 3 }

  it('measures the weaker of households and persons', () => {
    const p = quotaProgress({ households: 3, persons: 1 }, quota, '2026-11-10', '2026-11')
    expect(p.met).toBe(false)
    expect(p.ratio).toBeCloseTo(1 / 3)
    expect(p.behind).toBe(false)
  })

  it('is behind only in the last seven days when not met', () => {
    expect(inLastWeek('2026-11-23')).toBe(false)
    expect(inLastWeek('2026-11-24')).toBe(true)
    expect(inLastWeek('2026-02-22')).toBe(true)
    expect(
      quotaProgress({ households: 2, persons: 5 }, quota, '2026-11-24', '2026-11').behind
    ).toBe(true)
    expect(
      quotaProgress({ households: 3, persons: 5 }, quota, '2026-11-30', '2026-11').behind
    ).toBe(false)
  })

  it('counts a past month not met as behind, and takes an edited quota', () => {
    expect(
      quotaProgress({ households: 1, persons: 1 }, quota, '2026-12-01', '2026-11').behind
    ).toBe(true)
    const p = quotaProgress(
      { households: 4, persons: 4 },
      { households: 5, persons: 2 },
      '2026-11-01',
      '2026-11'
    )
    expect(p.met).toBe(false)
    expect(p.ratio).toBeCloseTo(0.8)
  })
})

describe('award score', () => {
  const officer = (
    id: string,
    name: string,
    over: Partial<OfficerFigures> = {}
  ): OfficerFigures => ({
    officerId: id,
    name,
    entries: 100,
    dueEntries: 10,
    onTime: 9,
    quotaMet: true,
    satisfaction: 1,
    complaintsUpheld: 0,
    ...over
  })

  it('adds the weighted parts transparently', () => {
    const [s] = scoreOfficers([officer('a', '甲')], defaultWeights)
    expect(s!.onTimeRate).toBe(90)
    expect(s!.parts).toEqual({
      entry: 10,
      onTime: 45,
      quotaMet: 10,
      satisfaction: 10,
      complaint: -0
    })
    expect(s!.score).toBe(75)
  })

  it('ranks, breaks ties deterministically and suggests 1 best and 2 excellent', () => {
    const list = [
      officer('d', '丁', { entries: 50 }),
      officer('c', '丙'),
      officer('b', '乙'),
      officer('a', '甲', { entries: 300, complaintsUpheld: 1 }),
      officer('e', '戊', { entries: 200 })
    ]
    const scored = scoreOfficers(list, defaultWeights)
    const reversed = scoreOfficers([...list].reverse(), defaultWeights)
    expect(scored.map((s) => s.officerId)).toEqual(reversed.map((s) => s.officerId))
    // 甲 has the most entries but an upheld complaint: passed over.
    // 丙 and 乙 tie on score: by name (code point order puts 丙 first).
    expect(suggestAwards(scored)).toEqual({ best: 'e', excellent: ['c', 'b'] })
    expect(scored.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5])
  })

  it('treats a month with nothing due as fully on time and changes with the weights', () => {
    const f = officer('a', '甲', { dueEntries: 0, onTime: 0 })
    expect(scoreOfficers([f], defaultWeights)[0]!.onTimeRate).toBe(100)
    const heavy = scoreOfficers([f], { ...defaultWeights, quotaMet: 100 })[0]!.score
    expect(heavy - scoreOfficers([f], defaultWeights)[0]!.score).toBe(90)
  })
})

describe('quarterly spot-check sampler', () => {
  const pool = Array.from({ length: 500 }, (_, i) => `entry-${String(i).padStart(3, '0')}`)

  it('draws the same entries from the same seed, whatever the pool order', () => {
    const a = sampleIds(pool, 10, 20261128)
    const b = sampleIds([...pool].reverse(), 10, 20261128)
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(10)
    expect(a.every((id) => pool.includes(id))).toBe(true)
  })

  it('draws different entries from another seed and caps at the pool size', () => {
    expect(sampleIds(pool, 10, 1)).not.toEqual(sampleIds(pool, 10, 2))
    expect(sampleIds(['x', 'y'], 5, 7).sort()).toEqual(['x', 'y'])
  })

  it('knows the quarter of a date', () => {
    expect(quarterOf('2026-11-28')).toEqual({
      quarter: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31'
    })
    expect(quarterOf('2026-02-03')).toEqual({
      quarter: '2026-Q1',
      from: '2026-01-01',
      to: '2026-03-31'
    })
  })
})

describe('attendance sheet', () => {
  // November 2026: the 1st is a Sunday; the 7th and 8th a weekend.
  const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())
  const swipes = [
    { officerId: 'a', date: '2026-11-02', time: '07:55:00', direction: 'in' },
    { officerId: 'a', date: '2026-11-02', time: '17:40:00', direction: 'out' },
    { officerId: 'a', date: '2026-11-03', time: '08:10:00', direction: 'in' },
    { officerId: 'a', date: '2026-11-03', time: '17:00:00', direction: 'out' },
    { officerId: 'a', date: '2026-11-07', time: '09:30:00', direction: 'in' },
    { officerId: 'b', date: '2026-11-03', time: '08:00:59', direction: 'in' }
  ] as const

  it('counts days present, late arrivals, early leaves and absent working days', () => {
    const rows = attendanceSheet(
      ['a', 'b', 'c'],
      swipes,
      { start: '08:00', end: '17:30' },
      '2026-11',
      { isWorkingDay: weekdays, until: '2026-11-10' }
    )
    // Working days before the 10th: 2, 3, 4, 5, 6, 9.
    expect(rows.map(({ days: _d, ...r }) => r)).toEqual([
      {
        officerId: 'a',
        workingDays: 21,
        daysPresent: 3,
        late: 1,
        earlyLeave: 1,
        absent: 4,
        lateDays: ['2026-11-03']
      },
      {
        officerId: 'b',
        workingDays: 21,
        daysPresent: 1,
        late: 0,
        earlyLeave: 0,
        absent: 5,
        lateDays: []
      },
      {
        officerId: 'c',
        workingDays: 21,
        daysPresent: 0,
        late: 0,
        earlyLeave: 0,
        absent: 6,
        lateDays: []
      }
    ])
    const saturday = rows[0]!.days.find((d) => d.date === '2026-11-07')!
    expect(saturday).toEqual({
      date: '2026-11-07',
      working: false,
      firstIn: '09:30:00',
      lastOut: null,
      late: false,
      early: false,
      absent: false
    })
    expect(rows[0]!.days).toHaveLength(30)
  })

  it('pairs a swipe with the last one within 16 hours, across midnight for a night duty', () => {
    const inAt = (at: string) => ({ at, direction: 'in' as const })
    expect(nextDirection(null, '2026-11-10T00:00:00.000Z')).toBe('in')
    // In at 20:00, out at 08:00 the next morning (Beijing): 12 hours later.
    expect(nextDirection(inAt('2026-11-10T12:00:00.000Z'), '2026-11-11T00:00:00.000Z')).toBe('out')
    expect(
      nextDirection(
        { at: '2026-11-10T12:00:00.000Z', direction: 'out' },
        '2026-11-10T13:00:00.000Z'
      )
    ).toBe('in')
    // An in never closed: a day later the next swipe is a new in.
    expect(nextDirection(inAt('2026-11-10T00:00:00.000Z'), '2026-11-11T00:00:00.000Z')).toBe('in')
  })

  it('takes other office hours and counts absence only for days already over', () => {
    const rows = attendanceSheet(['a'], swipes, { start: '08:15', end: '17:00' }, '2026-11', {
      isWorkingDay: weekdays,
      until: absenceUntil('2026-11', '2026-11-03')
    })
    expect(rows[0]).toMatchObject({ late: 0, earlyLeave: 0, absent: 0 })
    expect(absenceUntil('2026-11', '2026-12-05')).toBe('2026-11-31')
  })

  it('counts no absence before an officer’s first day', () => {
    const rows = attendanceSheet(['a', 'c'], swipes, { start: '08:00', end: '17:30' }, '2026-11', {
      isWorkingDay: weekdays,
      until: '2026-11-10',
      startOf: (id) => (id === 'c' ? '2026-11-05' : undefined)
    })
    // c joined on the 5th: of the working days before the 10th only 5, 6 and 9 count.
    expect(rows.map((r) => r.absent)).toEqual([4, 3])
    expect(absenceUntil('2026-11', '2026-10-05')).toBe('2026-11-01')
  })
})

describe('the staff_figures triggers', () => {
  it('use the closed statuses or the step that meets the deadline, as books.ts says', () => {
    const sql = ['0012_staff_figures_triggers.sql', '0021_registers_window_services.sql']
      .map((file) => readFileSync(join(repoRoot, 'drizzle', file), 'utf8'))
      .join('\n')
    for (const book of bookKeys) {
      const name = getTableName(tables[book])
      const spec = books[book]
      if (spec.metBy) {
        const column = (getTableColumns(tables[book]) as Record<string, { name: string }>)[
          spec.metBy
        ]!.name
        for (const row of ['NEW', 'OLD']) {
          expect(sql, book).toContain(`coalesce(${row}.${column} <= ${row}.due_at, 0)`)
        }
        expect(sql, book).not.toMatch(new RegExp(`FROM ${name} \\w WHERE [^)]*status IN`))
        continue
      }
      const found = [
        ...sql.matchAll(new RegExp(`FROM ${name} \\w WHERE [^)]*status IN \\(([^)]*)\\)`, 'g'))
      ].map((m) => m[1])
      // Insert and supersede triggers; the five first books also backfill.
      expect(found.length, book).toBeGreaterThanOrEqual(2)
      const expected = spec.closedStatuses.map((s) => `'${s}'`).join(', ')
      expect(new Set(found), book).toEqual(new Set([expected]))
    }
  })
})

describe('short ids', () => {
  it('shows the random tail of a UUID v7, not its timestamp head', () => {
    const a = '019ac9a1-2b3c-7d4e-8f90-1234567890ab'
    const b = '019ac9a1-2b3c-7d4e-8f90-abcdef012345'
    expect(shortId(a)).toBe('567890ab')
    expect(shortId(a)).not.toBe(shortId(b))
  })
})

describe('CSV cells', () => {
  it('neutralises a formula behind a leading tab or carriage return', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('\t=HYPERLINK("x")')).toBe(`"'\t=HYPERLINK(""x"")"`)
    expect(csvCell('\r@SUM(A1)')).toBe(`"'\r@SUM(A1)"`)
    expect(csvCell('李娜')).toBe('李娜')
  })
})

describe('station time', () => {
  it('gives swipe times and today in station time (UTC+8), whatever the machine zone', () => {
    expect(stationClock('2026-11-09T23:55:03.000Z')).toBe('07:55:03')
    expect(stationDate(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12-01')
    // Every screen's date and time, the status bar's today and weekday included.
    const evening = new Date('2026-12-07T17:05:09.000Z')
    expect(stationDateTime(evening)).toBe('2026-12-08 01:05:09')
    expect(stationTime(evening)).toBe('01:05')
    expect(weekdayOf(stationDate(evening))).toBe(2)
    expect(weekdayName('2026-12-08')).toBe('星期二')
    expect(weekdayName('2026-12-06', 'en-US')).toBe('Sunday')
    // A stored time that does not parse shows as dashes instead of throwing in a list.
    expect(stationDateTime(new Date('garbage'))).toBe('---------- --:--:--')
  })
})
