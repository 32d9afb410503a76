import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

/** The four rules: cards and swipes, follow-up visits, the director's checks, awards and penalties. */
export function defineStaff(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, boolean, index, uniqueIndex, primaryKey } = kit

  const by = (name: string) =>
    text(name)
      .notNull()
      .references(() => operators.id)

  const staffCards = table(
    'staff_cards',
    {
      id: text('id').primaryKey(),
      operatorId: by('operator_id'),
      cardNumber: text('card_number').notNull(),
      createdAt: text('created_at').notNull(),
      createdBy: by('created_by')
    },
    (t) => [
      uniqueIndex('staff_cards_number_unique').on(t.cardNumber),
      uniqueIndex('staff_cards_operator_unique').on(t.operatorId)
    ]
  )

  const staffAttendance = table(
    'staff_attendance',
    {
      id: text('id').primaryKey(),
      operatorId: by('operator_id'),
      cardNumber: text('card_number').notNull(),
      at: text('at').notNull(),
      /** Station-time date and time, for the sheet. */
      localDate: text('local_date').notNull(),
      localTime: text('local_time').notNull(),
      direction: text('direction', { enum: ['in', 'out'] }).notNull()
    },
    (t) => [index('staff_attendance_operator_at_idx').on(t.operatorId, t.at)]
  )

  const staffFollowups = table(
    'staff_followups',
    {
      id: text('id').primaryKey(),
      officerId: by('officer_id'),
      visitDate: text('visit_date').notNull(),
      targetKind: text('target_kind', { enum: ['resident', 'committee'] }).notNull(),
      targetName: text('target_name').notNull(),
      topic: text('topic', { enum: ['window', 'case', 'dispute', 'emergency', 'other'] }).notNull(),
      linkBook: text('link_book'),
      linkEntryId: text('link_entry_id'),
      outcome: text('outcome').notNull(),
      /** 5 非常满意 … 1 非常不满意. */
      satisfaction: integer('satisfaction').notNull(),
      households: integer('households').notNull(),
      persons: integer('persons').notNull(),
      createdAt: text('created_at').notNull(),
      createdBy: by('created_by')
    },
    (t) => [index('staff_followups_date_idx').on(t.visitDate, t.officerId)]
  )

  const staffChecks = table(
    'staff_checks',
    {
      id: text('id').primaryKey(),
      date: text('date').notNull(),
      item: text('item').notNull(),
      note: text('note'),
      checkedBy: by('checked_by'),
      checkedAt: text('checked_at').notNull()
    },
    (t) => [uniqueIndex('staff_checks_unique').on(t.date, t.item)]
  )

  const staffSpotChecks = table('staff_spot_checks', {
    id: text('id').primaryKey(),
    quarter: text('quarter').notNull().unique(),
    seed: integer('seed').notNull(),
    size: integer('size').notNull(),
    poolSize: integer('pool_size').notNull(),
    /** JSON array of { book, id }. */
    entries: text('entries').notNull(),
    drawnBy: by('drawn_by'),
    drawnAt: text('drawn_at').notNull()
  })

  const staffAwards = table('staff_awards', {
    id: text('id').primaryKey(),
    month: text('month').notNull().unique(),
    /** JSON: the scored table and suggestion the director saw. */
    snapshot: text('snapshot').notNull(),
    bestId: by('best_id'),
    /** JSON array of two operator ids. */
    excellentIds: text('excellent_ids').notNull(),
    reason: text('reason'),
    confirmedBy: by('confirmed_by'),
    confirmedAt: text('confirmed_at').notNull()
  })

  const staffLadder = table(
    'staff_ladder',
    {
      id: text('id').primaryKey(),
      officerId: by('officer_id'),
      step: text('step', { enum: ['education', 'penalty', 'retraining'] }).notNull(),
      date: text('date').notNull(),
      note: text('note').notNull(),
      createdBy: by('created_by'),
      createdAt: text('created_at').notNull()
    },
    (t) => [index('staff_ladder_officer_idx').on(t.officerId, t.date)]
  )

  /** The director's finding on a complaint: which officer, upheld or not. */
  const staffComplaintRulings = table(
    'staff_complaint_rulings',
    {
      id: text('id').primaryKey(),
      complaintId: text('complaint_id').notNull(),
      officerId: by('officer_id'),
      upheld: boolean('upheld').notNull(),
      date: text('date').notNull(),
      note: text('note'),
      ruledBy: by('ruled_by'),
      ruledAt: text('ruled_at').notNull()
    },
    (t) => [
      uniqueIndex('staff_complaint_rulings_unique').on(t.complaintId, t.officerId),
      index('staff_complaint_rulings_date_idx').on(t.date)
    ]
  )

  /**
   * Per officer, station day and book: current entries that occurred that day, entries falling due
   * that day and how many of those were closed by their deadline. Kept by triggers on the logbook
   * tables (staff_figures_triggers migration), so a month's award table reads a few thousand rows.
   */
  const staffFigures = table(
    'staff_figures',
    {
      officerId: text('officer_id').notNull(),
      day: text('day').notNull(),
      book: text('book').notNull(),
      entries: integer('entries').notNull().default(0),
      due: integer('due').notNull().default(0),
      onTime: integer('on_time').notNull().default(0)
    },
    (t) => [primaryKey({ columns: [t.day, t.officerId, t.book] })]
  )

  return {
    staffCards,
    staffAttendance,
    staffFollowups,
    staffChecks,
    staffSpotChecks,
    staffAwards,
    staffLadder,
    staffComplaintRulings,
    staffFigures
  }
}

export type Staff = ReturnType<typeof defineStaff>
