import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

export function definePhoto(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, bigint, boolean, index } = kit

  /** Document photo specs as editable data (JSON validated by `photoSpec`), seeded from resources. */
  const photoSpecs = table('photo_specs', {
    id: text('id').primaryKey(),
    data: text('data').notNull(),
    sortOrder: integer('sort_order').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => operators.id),
    /** The station server's version this spec is based on (0 = never on the server; issue #15). */
    version: integer('version').notNull().default(0)
  })

  /** Accepted photos: the JPEG lives in the data folder, the row keeps what was measured. */
  const photos = table(
    'photos',
    {
      id: text('id').primaryKey(),
      specId: text('spec_id').notNull(),
      takenAt: text('taken_at').notNull(),
      operatorId: text('operator_id').references(() => operators.id),
      /** File name inside the data folder's photos/ directory. */
      file: text('file').notNull(),
      bytes: bigint('bytes').notNull(),
      quality: integer('quality').notNull(),
      passed: boolean('passed').notNull(),
      /** The full report (rules with measured values) as JSON. */
      report: text('report').notNull(),
      /** Optional link to a resident or a register record. */
      subjectRef: text('subject_ref'),
      note: text('note'),
      /** Soft removal: the row and file stay for the audit, lists and reads no longer show them. */
      removedAt: text('removed_at'),
      removedBy: text('removed_by').references(() => operators.id),
      /** The PC whose data folder holds the file (a station server keeps every PC's records). */
      deviceId: text('device_id')
    },
    (t) => [index('photos_taken_idx').on(t.takenAt), index('photos_subject_idx').on(t.subjectRef)]
  )

  return { photoSpecs, photos }
}

export type Photo = ReturnType<typeof definePhoto>
