import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

export function defineCalendar(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, uniqueIndex } = kit

  /** A year's holiday schedule entered or corrected by an administrator (overrides the bundled one). */
  const holidaySchedules = table(
    'holiday_schedules',
    {
      id: text('id').primaryKey(),
      year: integer('year').notNull(),
      notice: text('notice').notNull(),
      /** JSON: [{ date, name }] */
      holidays: text('holidays').notNull(),
      /** JSON: [{ date, name? }] */
      workdays: text('workdays').notNull(),
      createdAt: text('created_at').notNull(),
      updatedAt: text('updated_at').notNull(),
      updatedBy: text('updated_by').references(() => operators.id)
    },
    (t) => [uniqueIndex('holiday_schedules_year_unique').on(t.year)]
  )

  return { holidaySchedules }
}

export type Calendar = ReturnType<typeof defineCalendar>
