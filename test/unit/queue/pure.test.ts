import { describe, expect, it } from 'vitest'
import {
  chooseNext,
  normalsSincePriority,
  type Lane,
  type WaitingTicket
} from '../../../src/shared/queue/next'
import {
  callText,
  formatNumber,
  readNumber,
  slipLines,
  spokenCall
} from '../../../src/shared/queue/text'
import { dayStats, figures, percentile, type StatTicket } from '../../../src/shared/queue/stats'
import { chineseVoice } from '../../../src/shared/queue/voice'

const NOW = new Date('2026-12-04T02:00:00.000Z')
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString()
const ticket = (id: string, lane: Lane, waited: number, over: Partial<WaitingTicket> = {}) => ({
  id,
  serviceId: 'A',
  lane,
  queuedAt: minutesAgo(waited),
  targetWindowId: null,
  ...over
})
const rules = { interleave: 3, maxWaitMinutes: 30 }
const ordinary = { id: 'w1', priority: false, serviceIds: ['A', 'B'] }
const priorityWindow = { id: 'w9', priority: true, serviceIds: ['A', 'B'] }
const pick = (window: typeof ordinary, waiting: WaitingTicket[], recentLanes: Lane[] = []) =>
  chooseNext(window, waiting, { rules, now: NOW, recentLanes })?.id ?? null

describe('who is next', () => {
  it('the priority window serves the priority lane first, then the oldest normal ticket', () => {
    const waiting = [
      ticket('n1', 'normal', 20),
      ticket('p1', 'priority', 2),
      ticket('p2', 'priority', 1)
    ]
    expect(pick(priorityWindow, waiting)).toBe('p1')
    expect(
      pick(
        priorityWindow,
        waiting.filter((t) => t.lane === 'normal')
      )
    ).toBe('n1')
    expect(pick(priorityWindow, [])).toBeNull()
  })

  it('an ordinary window interleaves N normal tickets with one priority ticket', () => {
    const waiting = [
      ticket('n1', 'normal', 10),
      ticket('n2', 'normal', 9),
      ticket('p1', 'priority', 5)
    ]
    expect(pick(ordinary, waiting, [])).toBe('n1')
    expect(pick(ordinary, waiting, ['normal', 'normal'])).toBe('n1')
    expect(pick(ordinary, waiting, ['normal', 'normal', 'normal'])).toBe('p1')
    // The count restarts after a priority call.
    expect(pick(ordinary, waiting, ['normal', 'priority', 'normal', 'normal'])).toBe('n1')
    expect(normalsSincePriority(['normal', 'normal', 'priority', 'normal'])).toBe(2)
    // Only one lane waiting: that lane, whatever the count.
    expect(pick(ordinary, [ticket('p1', 'priority', 1)], [])).toBe('p1')
    expect(pick(ordinary, [ticket('n1', 'normal', 1)], ['normal', 'normal', 'normal'])).toBe('n1')
  })

  it('a ticket that waited past the cap goes first at an ordinary window', () => {
    const capped = [ticket('n1', 'normal', 10), ticket('p1', 'priority', 31)]
    expect(pick(ordinary, capped, [])).toBe('p1')
    // A normal ticket over the cap beats the priority turn.
    const normalOver = [ticket('n1', 'normal', 45), ticket('p1', 'priority', 40)]
    expect(pick(ordinary, normalOver, ['normal', 'normal', 'normal'])).toBe('n1')
    // Exactly at the cap counts.
    expect(pick(ordinary, [ticket('n1', 'normal', 5), ticket('p1', 'priority', 30)], [])).toBe('p1')
  })

  it('skips businesses the window does not serve and tickets sent to another window', () => {
    const waiting = [
      ticket('c1', 'normal', 50, { serviceId: 'C' }),
      ticket('t2', 'normal', 40, { targetWindowId: 'w2' }),
      ticket('n1', 'normal', 3)
    ]
    expect(pick(ordinary, waiting)).toBe('n1')
  })

  it('a ticket transferred to this window comes first, even with its original arrival time', () => {
    const waiting = [
      ticket('n1', 'normal', 20),
      ticket('p1', 'priority', 25),
      ticket('t1', 'normal', 1, { targetWindowId: 'w1', serviceId: 'C' })
    ]
    expect(pick(ordinary, waiting)).toBe('t1')
    // Another window never sees it.
    expect(pick({ ...ordinary, id: 'w3' }, waiting)).toBe('n1')
  })

  it('breaks a tie of arrival times by id so the choice is stable', () => {
    const at = minutesAgo(4)
    const waiting = [
      ticket('b', 'normal', 0, { queuedAt: at }),
      ticket('a', 'normal', 0, { queuedAt: at })
    ]
    expect(pick(ordinary, waiting)).toBe('a')
  })
})

describe('numbers, call words and slip', () => {
  it('numbers A001…A999, then four digits', () => {
    expect(formatNumber('A', 1)).toBe('A001')
    expect(formatNumber('B', 999)).toBe('B999')
    expect(formatNumber('B', 1000)).toBe('B1000')
  })

  it('spells the ticket digit by digit and reads the window number', () => {
    expect(callText('A001', 3)).toBe('请A001号到3号窗口办理')
    expect(spokenCall('A001', 3)).toBe('请A零零一号到三号窗口办理')
    expect(spokenCall('B120', 12, true)).toBe('重呼，请B一二零号到十二号窗口办理')
    expect([readNumber(10), readNumber(21), readNumber(7)]).toEqual(['十', '二十一', '七'])
  })

  it('the slip says how many are ahead and carries no personal data', () => {
    const lines = slipLines({
      stationName: '月坛派出所',
      number: 'A004',
      serviceName: '户籍',
      priority: true,
      ahead: 2,
      issuedAt: '2026-12-04 10:00'
    })
    expect(lines).toEqual([
      '月坛派出所',
      'A004',
      '户籍（优先）',
      '您前面还有 2 人，请在休息区等候，过号请重新取号',
      '取号时间 2026-12-04 10:00'
    ])
  })
})

describe('statistics', () => {
  const base: StatTicket = {
    day: '2026-12-04',
    serviceId: 'A',
    windowId: 'w1',
    clerkId: 'c1',
    parentId: null,
    status: 'done',
    issuedAt: '2026-12-04T01:00:00.000Z',
    queuedAt: '2026-12-04T01:00:00.000Z',
    calledAt: '2026-12-04T01:10:00.000Z',
    startedAt: '2026-12-04T01:11:00.000Z',
    finishedAt: '2026-12-04T01:16:00.000Z',
    rating: 5
  }

  it('nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
    expect(percentile([4], 50)).toBe(4)
    expect(percentile([], 50)).toBeNull()
  })

  it('未评价 is never counted as satisfied; 基本满意 is', () => {
    const f = figures([
      { ...base, rating: null },
      { ...base, rating: 3 },
      { ...base, rating: 2 },
      { ...base, status: 'missed', startedAt: null, finishedAt: null, rating: null }
    ])
    expect(f).toMatchObject({
      issued: 4,
      served: 3,
      missed: 1,
      rated: 2,
      unrated: 1,
      satisfied: 1
    })
    expect(f.satisfactionRate).toBe(0.5)
    expect(f.waitMedianMinutes).toBe(10)
    expect(f.serviceMedianMinutes).toBe(5)
    expect(figures([{ ...base, rating: null }]).satisfactionRate).toBeNull()
  })

  it('a transferred resident is issued once; arrivals are counted by station hour', () => {
    const stats = dayStats(
      [
        { ...base, status: 'transferred', rating: null },
        { ...base, parentId: 'x', serviceId: 'B', windowId: 'w2', issuedAt: base.issuedAt },
        { ...base, issuedAt: '2026-12-04T06:30:00.000Z' }
      ],
      { service: (id) => `业务${id}`, window: (id) => id, clerk: (id) => id }
    )
    expect(stats.total.issued).toBe(2)
    expect(stats.total.served).toBe(2)
    expect(stats.arrivalsByHour[9]).toBe(1)
    expect(stats.arrivalsByHour[14]).toBe(1)
    expect(stats.byService.map((s) => [s.label, s.issued])).toEqual([
      ['业务A', 2],
      ['业务B', 1]
    ])
  })

  it('per day over a range: each day counts its residents once, in date order', () => {
    const next = (iso: string) => iso.replace('2026-12-04', '2026-12-05')
    const stats = dayStats(
      [
        { ...base, day: '2026-12-05', issuedAt: next(base.issuedAt), rating: 1 },
        { ...base, status: 'transferred', rating: null },
        { ...base, parentId: 'x', rating: null },
        { ...base, day: '2026-12-05', status: 'missed', finishedAt: null, rating: null }
      ],
      { service: (id) => id, window: (id) => id, clerk: (id) => id }
    )
    expect(
      stats.byDay.map((d) => [d.key, d.issued, d.served, d.missed, d.unrated, d.satisfied])
    ).toEqual([
      ['2026-12-04', 1, 1, 0, 1, 0],
      ['2026-12-05', 2, 1, 1, 0, 0]
    ])
    expect(stats.total).toMatchObject({ issued: 3, served: 2, missed: 1, rated: 1 })
    expect(stats.total.satisfactionRate).toBe(0)
  })
})

describe('the hall voice', () => {
  const voice = (name: string, lang: string) => ({ name, lang })
  it('prefers a mainland Mandarin voice, else any Chinese one, else none', () => {
    const huihui = voice('Microsoft Huihui', 'zh-CN')
    const tracy = voice('Microsoft Tracy', 'zh-HK')
    const david = voice('Microsoft David', 'en-US')
    expect(chineseVoice([david, tracy, huihui])).toBe(huihui)
    expect(chineseVoice([david, tracy])).toBe(tracy)
    expect(chineseVoice([voice('espeak', 'cmn')])?.name).toBe('espeak')
    expect(chineseVoice([david, voice('Zulu', 'zu-ZA')])).toBeNull()
    expect(chineseVoice([])).toBeNull()
  })
})
