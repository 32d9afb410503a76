import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import { holidaySchedules } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import type { HolidaySchedule } from '../../shared/calendar'
import type { StoredSchedule } from '../../shared/calendar/contract'

type Row = typeof holidaySchedules.$inferSelect

const toStored = (row: Row): StoredSchedule => ({
  year: row.year,
  notice: row.notice,
  holidays: JSON.parse(row.holidays) as StoredSchedule['holidays'],
  workdays: JSON.parse(row.workdays) as StoredSchedule['workdays'],
  updatedAt: row.updatedAt,
  updatedBy: row.updatedBy
})

/** Holiday schedules administrators entered; each save or removal is audited with it. */
export function createSchedulesRepo({
  db,
  deviceId,
  now
}: {
  db: Db
  deviceId: string
  now: () => Date
}) {
  return {
    async list(): Promise<StoredSchedule[]> {
      return db
        .select()
        .from(holidaySchedules)
        .orderBy(asc(holidaySchedules.year))
        .all()
        .map(toStored)
    },

    async save(schedule: HolidaySchedule, actorId: string): Promise<void> {
      const at = now().toISOString()
      const values = {
        notice: schedule.notice,
        holidays: JSON.stringify(schedule.holidays),
        workdays: JSON.stringify(schedule.workdays),
        updatedAt: at,
        updatedBy: actorId
      }
      db.transaction((tx) => {
        const existing = tx
          .select()
          .from(holidaySchedules)
          .where(eq(holidaySchedules.year, schedule.year))
          .get()
        if (existing)
          tx.update(holidaySchedules).set(values).where(eq(holidaySchedules.id, existing.id)).run()
        else
          tx.insert(holidaySchedules)
            .values({ id: randomUUID(), year: schedule.year, createdAt: at, ...values })
            .run()
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: existing ? 'calendar.schedule.update' : 'calendar.schedule.create',
          entity: 'holiday_schedule',
          entityId: existing?.id ?? String(schedule.year),
          detail: {
            year: schedule.year,
            holidays: schedule.holidays.length,
            workdays: schedule.workdays.length,
            previous: existing ? toStored(existing) : null
          }
        })
      })
    },

    async remove(year: number, actorId: string): Promise<boolean> {
      const at = now().toISOString()
      return db.transaction((tx) => {
        const existing = tx
          .select()
          .from(holidaySchedules)
          .where(eq(holidaySchedules.year, year))
          .get()
        if (!existing) return false
        tx.delete(holidaySchedules).where(eq(holidaySchedules.id, existing.id)).run()
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'calendar.schedule.delete',
          entity: 'holiday_schedule',
          entityId: existing.id,
          detail: { removed: toStored(existing) }
        })
        return true
      })
    }
  }
}
