import { describe, expect, it } from 'vitest'
import { fileStamp, formatStationTime, wallClock } from '../../../src/shared/logbooks/time'

describe('formatStationTime', () => {
  it('shows station wall-clock time for every hour, across day, month and year ends', () => {
    const start = Date.parse('2026-12-31T00:00:00.000Z')
    for (let h = 0; h < 48; h++) {
      const iso = new Date(start + h * 3_600_000 + 59_999).toISOString()
      const { date, time } = wallClock(iso)
      expect(formatStationTime(iso)).toBe(`${date} ${time}`)
    }
    expect(formatStationTime('2026-12-31T16:05:00.000Z')).toBe('2027-01-01 00:05')
    expect(formatStationTime('2026-02-28T15:59:00.000Z')).toBe('2026-02-28 23:59')
    expect(formatStationTime('2026-10-01T01:30:00+00:00')).toBe('2026-10-01 09:30')
  })
})

describe('fileStamp', () => {
  it('names files by station time, to the millisecond, across a day end', () => {
    expect(fileStamp(new Date('2026-12-07T12:07:22.172Z'))).toBe('20261207-200722-172')
    expect(fileStamp(new Date('2026-12-31T16:00:00.005Z'))).toBe('20270101-000000-005')
  })
})
