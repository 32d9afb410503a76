import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { operators } from './foundation'

/** A year's holiday schedule entered or corrected by an administrator (overrides the bundled one). */
export const holidaySchedules = sqliteTable(
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
  (table) => [uniqueIndex('holiday_schedules_year_unique').on(table.year)]
)
