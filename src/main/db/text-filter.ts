import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Dialect } from './runner'

/** `text` as a LIKE pattern that matches it literally anywhere (\ escapes % _ and itself). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * "column contains text", the same on both dialects: SQLite's LIKE folds ASCII letters only, so on
 * PostgreSQL both sides go through `bianmin_fold` (ASCII lower case, drizzle-pg/0001), which is
 * also what the GIN trigram indexes are built on.
 */
export function containsText(dialect: Dialect, column: SQLWrapper, text: string): SQL {
  const pattern = containsPattern(text)
  return dialect === 'pg'
    ? sql`bianmin_fold(${column}) LIKE bianmin_fold(${pattern}) ESCAPE '\\'`
    : sql`${column} LIKE ${pattern} ESCAPE '\\'`
}
