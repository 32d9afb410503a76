import type { sqliteKit } from './sqlite'

/**
 * What a schema factory builds its tables with. Typed by the SQLite kit, whose tables the
 * repositories use; the PostgreSQL kit offers the same calls and is cast to this type.
 */
export type Kit = typeof sqliteKit
