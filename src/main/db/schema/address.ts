import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

export function defineAddress(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, index, uniqueIndex } = kit

  /**
   * Old/new address pairs: the shipped administrative changes (origin `seed`), the station's own
   * table (`station`) and the removable sample (`sample`). `num` is the row's stable integer key for
   * the FTS5 index (address_fts, created in a custom migration); `id` is the UUID others refer to.
   * `*_key` is a division code when known, else the normalised text: chains follow new_key → old_key.
   */
  const addressChanges = table(
    'address_changes',
    {
      id: text('id').primaryKey(),
      num: integer('num').notNull(),
      origin: text('origin', { enum: ['seed', 'station', 'sample'] }).notNull(),
      level: text('level', { enum: ['county', 'subcounty', 'street', 'house'] }).notNull(),
      oldText: text('old_text').notNull(),
      newText: text('new_text').notNull(),
      oldKey: text('old_key').notNull(),
      newKey: text('new_key').notNull(),
      oldRoad: text('old_road'),
      oldNo: text('old_no'),
      newRoad: text('new_road'),
      newNo: text('new_no'),
      effective: text('effective'),
      source: text('source'),
      note: text('note'),
      createdAt: text('created_at').notNull(),
      updatedAt: text('updated_at').notNull(),
      updatedBy: text('updated_by').references(() => operators.id),
      /**
       * The station server's version this copy is based on (0: not on the server yet). Only the
       * station's own rows (`station`) are shared; a change goes up over its version (issue #15).
       */
      version: integer('version').notNull().default(0)
    },
    (t) => [
      // `num` is each PC's own FTS key: on the station server several PCs' rows sit side by side.
      kit.dialect === 'pg'
        ? index('address_changes_num_idx').on(t.num)
        : uniqueIndex('address_changes_num_unique').on(t.num),
      index('address_changes_old_road_idx').on(t.oldRoad, t.oldNo),
      index('address_changes_new_road_idx').on(t.newRoad, t.newNo),
      index('address_changes_old_key_idx').on(t.oldKey),
      index('address_changes_new_key_idx').on(t.newKey),
      index('address_changes_origin_idx').on(t.origin)
    ]
  )

  /** Distinct road/lane/division names with their pinyin, computed once at import. */
  const addressVocab = table(
    'address_vocab',
    {
      term: text('term').primaryKey(),
      kind: text('kind', { enum: ['road', 'division'] }).notNull(),
      full: text('full').notNull(),
      initials: text('initials').notNull(),
      /** Toneless syllables separated by spaces, one per character. */
      syllables: text('syllables').notNull(),
      /** Readings added by the station (大栅栏 → dashilar), `|`-separated, as full pinyin. */
      extra: text('extra'),
      rows: integer('rows').notNull().default(0)
    },
    (t) => [index('address_vocab_initials_idx').on(t.initials)]
  )

  /** Each operator's recent lookups (the newest few kept). */
  const addressRecent = table(
    'address_recent',
    {
      id: text('id').primaryKey(),
      operatorId: text('operator_id')
        .notNull()
        .references(() => operators.id),
      query: text('query').notNull(),
      changeId: text('change_id'),
      at: text('at').notNull()
    },
    (t) => [index('address_recent_operator_idx').on(t.operatorId, t.at)]
  )

  /**
   * The station's rows removed (issue #15): on a linked PC a trigger adds one as a row is deleted,
   * and it goes up with the version it removed; the server removes the row only at that version.
   * Rows are never changed.
   */
  const addressRemovals = table('address_removals', {
    id: text('id').primaryKey(),
    version: integer('version').notNull(),
    oldText: text('old_text').notNull(),
    newText: text('new_text').notNull(),
    removedAt: text('removed_at').notNull()
  })

  return { addressChanges, addressVocab, addressRecent, addressRemovals }
}

export type Address = ReturnType<typeof defineAddress>
