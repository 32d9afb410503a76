import { sql } from 'drizzle-orm'
import type { Kit } from './kit/types'
import type { Foundation } from './foundation'
import type { Guide } from './guide'

/** The corridor's queue: business lines, windows, tickets, the append-only call log, ratings. */
export function defineQueue(
  kit: Kit,
  {
    operators,
    guideBusinesses
  }: { operators: Foundation['operators']; guideBusinesses: Guide['guideBusinesses'] }
) {
  const { table, text, integer, boolean, index, uniqueIndex } = kit

  const queueServices = table(
    'queue_services',
    {
      id: text('id').primaryKey(),
      /** One capital letter: tickets of this line are numbered A001, A002… */
      prefix: text('prefix').notNull(),
      name: text('name').notNull(),
      guideBusinessId: text('guide_business_id').references(() => guideBusinesses.id),
      active: boolean('active').notNull().default(true),
      sort: integer('sort').notNull().default(0),
      updatedAt: text('updated_at').notNull()
    },
    (t) => [uniqueIndex('queue_services_prefix_unique').on(t.prefix)]
  )

  const queueWindows = table(
    'queue_windows',
    {
      id: text('id').primaryKey(),
      number: integer('number').notNull(),
      /** JSON array of queue_services ids this window calls. */
      serviceIds: text('service_ids').notNull(),
      /** The 老弱病残孕 window: calls the priority lane first. */
      priority: boolean('priority').notNull().default(false),
      /** open | paused | closed */
      state: text('state').notNull().default('closed'),
      pauseReason: text('pause_reason'),
      /** The clerk signed in at the window. */
      clerkId: text('clerk_id').references(() => operators.id),
      updatedAt: text('updated_at').notNull()
    },
    (t) => [uniqueIndex('queue_windows_number_unique').on(t.number)]
  )

  const queueTickets = table(
    'queue_tickets',
    {
      id: text('id').primaryKey(),
      /** Station day YYYY-MM-DD: numbers restart each day. */
      day: text('day').notNull(),
      prefix: text('prefix').notNull(),
      seq: integer('seq').notNull(),
      number: text('number').notNull(),
      serviceId: text('service_id')
        .notNull()
        .references(() => queueServices.id),
      /** normal | priority */
      lane: text('lane').notNull(),
      priorityReason: text('priority_reason'),
      /** walkIn | appointment */
      source: text('source').notNull(),
      /** waiting | called | serving | done | missed | cancelled | transferred */
      status: text('status').notNull(),
      callCount: integer('call_count').notNull().default(0),
      issuedAt: text('issued_at').notNull(),
      /** Place in the line: the arrival time, kept on transfer, reset when a missed ticket returns. */
      queuedAt: text('queued_at').notNull(),
      calledAt: text('called_at'),
      lastCalledAt: text('last_called_at'),
      startedAt: text('started_at'),
      finishedAt: text('finished_at'),
      windowId: text('window_id').references(() => queueWindows.id),
      clerkId: text('clerk_id').references(() => operators.id),
      /** A transfer to a given window: only that window calls it. */
      targetWindowId: text('target_window_id').references(() => queueWindows.id),
      parentId: text('parent_id'),
      issuedBy: text('issued_by').references(() => operators.id)
    },
    (t) => [
      uniqueIndex('queue_tickets_day_number_unique')
        .on(t.day, t.number)
        .where(sql`parent_id IS NULL`),
      index('queue_tickets_waiting_idx')
        .on(t.day, t.queuedAt)
        .where(sql`status = 'waiting'`),
      index('queue_tickets_day_status_idx').on(t.day, t.status),
      index('queue_tickets_window_called_idx').on(t.windowId, t.calledAt)
    ]
  )

  /** Every call, recall and direct call as it was made; rows are never changed (trigger). */
  const queueCalls = table(
    'queue_calls',
    {
      id: text('id').primaryKey(),
      ticketId: text('ticket_id')
        .notNull()
        .references(() => queueTickets.id),
      windowId: text('window_id')
        .notNull()
        .references(() => queueWindows.id),
      clerkId: text('clerk_id')
        .notNull()
        .references(() => operators.id),
      /** call | direct | recall */
      kind: text('kind').notNull(),
      at: text('at').notNull()
    },
    (t) => [index('queue_calls_at_idx').on(t.at)]
  )

  /** One rating per finished ticket; a ticket without a row is 未评价. */
  const queueRatings = table(
    'queue_ratings',
    {
      id: text('id').primaryKey(),
      ticketId: text('ticket_id')
        .notNull()
        .references(() => queueTickets.id),
      /** 5 非常满意 … 1 非常不满意 */
      level: integer('level').notNull(),
      /** JSON array of reason chips (不满意 or worse). */
      reasons: text('reasons').notNull().default('[]'),
      phone: text('phone'),
      /** The 监督投诉 entry opened for a rating of 不满意 or worse. */
      followupId: text('followup_id'),
      windowId: text('window_id').references(() => queueWindows.id),
      clerkId: text('clerk_id').references(() => operators.id),
      at: text('at').notNull()
    },
    (t) => [uniqueIndex('queue_ratings_ticket_unique').on(t.ticketId)]
  )

  return { queueServices, queueWindows, queueTickets, queueCalls, queueRatings }
}

export type Queue = ReturnType<typeof defineQueue>
