import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** The embedded database's column helpers: booleans and big numbers are SQLite integers. */
export const sqliteKit = {
  dialect: 'sqlite' as 'sqlite' | 'pg',
  table: sqliteTable,
  text,
  integer,
  /** An integer that may exceed 2^31 (sizes in bytes). */
  bigint: <N extends string>(name: N) => integer(name),
  boolean: <N extends string>(name: N) => integer(name, { mode: 'boolean' }),
  index,
  uniqueIndex,
  primaryKey
}
