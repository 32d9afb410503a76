/** The station server's tables as drizzle knows them, and SQL identifier quoting for them. */
import { is } from 'drizzle-orm'
import { PgTable } from 'drizzle-orm/pg-core'
import * as serverSchema from '../db/schema/pg'

/** Every table of the server schema (drizzle-pg), in export order. */
export const serverTables = (): PgTable[] =>
  Object.values(serverSchema as Record<string, unknown>).filter((value): value is PgTable =>
    is(value, PgTable)
  )

/** A quoted SQL identifier. */
export const quoteIdent = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
