import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { scheduleBackups } from '../../../src/main/db/backup-schedule'
import { fakeClock, openTestServices } from '../../helpers/services'

const cleanups: (() => void)[] = []
afterEach(() => {
  vi.useRealTimers()
  cleanups.splice(0).forEach((cleanup) => cleanup())
})

const HOUR = 3_600_000

describe('the daily backup while the app keeps running', () => {
  it('runs after the first delay, then every hour, one at a time, on after a failure, until stopped', async () => {
    vi.useFakeTimers()
    const started: number[] = []
    let finish: (() => void) | null = null
    let fail = false
    const backup = () => {
      started.push(Date.now())
      if (fail) {
        fail = false
        return Promise.reject(new Error('disk full'))
      }
      return new Promise<void>((resolve) => {
        finish = resolve
      })
    }
    const errors: unknown[] = []
    const stop = scheduleBackups(backup, (error) => errors.push(error), {
      firstDelayMs: 10_000,
      everyMs: HOUR
    })
    await vi.advanceTimersByTimeAsync(9_999)
    expect(started).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(started).toHaveLength(1)
    // Still copying an hour later: no second copy on top of it.
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(started).toHaveLength(1)
    finish!()
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(started).toHaveLength(2)
    finish!()
    fail = true
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(started).toHaveLength(3)
    expect(errors).toEqual([new Error('disk full')])
    await vi.advanceTimersByTimeAsync(HOUR)
    expect(started).toHaveLength(4)
    finish!()
    stop()
    await vi.advanceTimersByTimeAsync(5 * HOUR)
    expect(started).toHaveLength(4)
  })

  it('a PC left running past midnight takes the next day’s copy, once', async () => {
    // 23:50 in Beijing.
    const clock = fakeClock('2026-12-07T15:50:00.000Z')
    const services = await openTestServices({ now: clock.now })
    cleanups.push(services.cleanup)
    const copies = () =>
      readdirSync(services.paths.backupDir)
        .filter((file) => /^bianmin-\d{4}-\d{2}-\d{2}\.sqlite\.enc$/.test(file))
        .sort()
    const errors: unknown[] = []
    const stop = scheduleBackups(services.backup, (error) => errors.push(error), {
      firstDelayMs: 1,
      everyMs: 20
    })
    cleanups.unshift(stop)
    await vi.waitFor(() => expect(copies()).toEqual(['bianmin-2026-12-07.sqlite.enc']))
    clock.advanceMinutes(20)
    await vi.waitFor(() =>
      expect(copies()).toEqual(['bianmin-2026-12-07.sqlite.enc', 'bianmin-2026-12-08.sqlite.enc'])
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(copies()).toHaveLength(2)
    expect(errors).toEqual([])
  })
})
