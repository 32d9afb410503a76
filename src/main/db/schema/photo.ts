import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { operators } from './foundation'

/** Document photo specs as editable data (JSON validated by `photoSpec`), seeded from resources. */
export const photoSpecs = sqliteTable('photo_specs', {
  id: text('id').primaryKey(),
  data: text('data').notNull(),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => operators.id)
})

/** Accepted photos: the JPEG lives in the data folder, the row keeps what was measured. */
export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    specId: text('spec_id').notNull(),
    takenAt: text('taken_at').notNull(),
    operatorId: text('operator_id').references(() => operators.id),
    /** File name inside the data folder's photos/ directory. */
    file: text('file').notNull(),
    bytes: integer('bytes').notNull(),
    quality: integer('quality').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    /** The full report (rules with measured values) as JSON. */
    report: text('report').notNull(),
    /** Optional link to a resident or a register record. */
    subjectRef: text('subject_ref'),
    note: text('note'),
    /** Soft removal: the row and file stay for the audit, lists and reads no longer show them. */
    removedAt: text('removed_at'),
    removedBy: text('removed_by').references(() => operators.id)
  },
  (table) => [
    index('photos_taken_idx').on(table.takenAt),
    index('photos_subject_idx').on(table.subjectRef)
  ]
)
