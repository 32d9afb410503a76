import { sql } from 'drizzle-orm'
import { roles } from '../../../shared/roles'
import type { Kit } from './kit/types'

/**
 * Keys are UUIDs (text) so records from several counters can later be merged on a station server.
 * Times are ISO-8601 UTC strings.
 */
export function defineFoundation(kit: Kit) {
  const { table, text, integer, boolean, index, uniqueIndex } = kit

  const operators = table(
    'operators',
    {
      id: text('id').primaryKey(),
      username: text('username').notNull(),
      displayName: text('display_name').notNull(),
      role: text('role', { enum: roles }).notNull(),
      passwordHash: text('password_hash').notNull(),
      failedAttempts: integer('failed_attempts').notNull().default(0),
      lockedUntil: text('locked_until'),
      /** Lockouts since the last successful sign-in: each one lasts twice as long as the one before. */
      lockouts: integer('lockouts').notNull().default(0),
      /** Set by an administrator's reset: nothing but a password change until it is changed. */
      passwordChangeRequired: boolean('password_change_required').notNull().default(false),
      active: boolean('active').notNull().default(true),
      createdAt: text('created_at').notNull(),
      updatedAt: text('updated_at').notNull(),
      /**
       * The station server's version of the account (name, role, password, active) this PC's copy
       * is based on (0 = never changed there). A change goes up only over it (issue #15).
       */
      version: integer('version').notNull().default(0)
    },
    (t) => [uniqueIndex('operators_username_unique').on(sql`lower(${t.username})`)]
  )

  /** Hashes of an operator's previous passwords (no reuse of the last five). */
  const passwordHistory = table(
    'password_history',
    {
      id: text('id').primaryKey(),
      operatorId: text('operator_id')
        .notNull()
        .references(() => operators.id),
      passwordHash: text('password_hash').notNull(),
      /** When this password stopped being the current one. */
      replacedAt: text('replaced_at').notNull()
    },
    (t) => [index('password_history_operator_idx').on(t.operatorId, t.replacedAt)]
  )

  const settings = table('settings', {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => operators.id),
    /**
     * Station-wide keys: the server's version this value is based on (0 = never on the server).
     * A change is uploaded only over the version it was made on (issue #15).
     */
    version: integer('version').notNull().default(0)
  })

  /**
   * Append-only (triggers in custom migrations; only a NULL mac may be filled in, once); each row's
   * hash covers the previous row's hash.
   */
  const auditLog = table(
    'audit_log',
    {
      id: text('id').primaryKey(),
      seq: integer('seq').notNull(),
      deviceId: text('device_id').notNull(),
      at: text('at').notNull(),
      operatorId: text('operator_id').references(() => operators.id),
      action: text('action').notNull(),
      entity: text('entity'),
      entityId: text('entity_id'),
      detail: text('detail'),
      prevHash: text('prev_hash').notNull(),
      hash: text('hash').notNull(),
      /** HMAC of `hash` under a key outside the database (see src/main/audit/audit-repo.ts). */
      mac: text('mac')
    },
    (t) => [
      // One chain per PC: on the station server several devices' chains sit side by side.
      kit.dialect === 'pg'
        ? uniqueIndex('audit_log_device_seq_unique').on(t.deviceId, t.seq)
        : uniqueIndex('audit_log_seq_unique').on(t.seq),
      index('audit_log_action_idx').on(t.action, t.seq),
      index('audit_log_entity_idx').on(t.entity, t.entityId),
      // The server lists every PC's rows by time (station-audit.ts); a PC lists its own by seq.
      ...(kit.dialect === 'pg' ? [index('audit_log_at_idx').on(t.at)] : [])
    ]
  )

  return { operators, passwordHistory, settings, auditLog }
}

export type Foundation = ReturnType<typeof defineFoundation>
