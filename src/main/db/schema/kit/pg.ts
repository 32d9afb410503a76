import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex
} from 'drizzle-orm/pg-core'
import type { Kit } from './types'

/** The station server's column helpers, cast to the SQLite-typed kit so one factory builds both. */
export const pgKit = {
  dialect: 'pg',
  table: pgTable,
  text,
  integer,
  bigint: (name: string) => bigint(name, { mode: 'number' }),
  boolean: (name: string) => boolean(name),
  index,
  uniqueIndex,
  primaryKey
} as unknown as Kit
