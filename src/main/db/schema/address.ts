import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { operators } from './foundation'

/**
 * Old/new address pairs: the shipped administrative changes (origin `seed`), the station's own
 * table (`station`) and the removable sample (`sample`). `num` is the row's stable integer key for
 * the FTS5 index (address_fts, created in a custom migration); `id` is the UUID others refer to.
 * `*_key` is a division code when known, else the normalised text: chains follow new_key → old_key.
 */
export const addressChanges = sqliteTable(
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
    updatedBy: text('updated_by').references(() => operators.id)
  },
  (table) => [
    uniqueIndex('address_changes_num_unique').on(table.num),
    index('address_changes_old_road_idx').on(table.oldRoad, table.oldNo),
    index('address_changes_new_road_idx').on(table.newRoad, table.newNo),
    index('address_changes_old_key_idx').on(table.oldKey),
    index('address_changes_new_key_idx').on(table.newKey),
    index('address_changes_origin_idx').on(table.origin)
  ]
)

/** Distinct road/lane/division names with their pinyin, computed once at import. */
export const addressVocab = sqliteTable(
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
  (table) => [index('address_vocab_initials_idx').on(table.initials)]
)

/** Each operator's recent lookups (the newest few kept). */
export const addressRecent = sqliteTable(
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
  (table) => [index('address_recent_operator_idx').on(table.operatorId, table.at)]
)
