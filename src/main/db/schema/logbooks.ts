import { sql } from 'drizzle-orm'
import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

export function defineLogbooks(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, boolean, index, uniqueIndex, primaryKey } = kit

  /**
   * The registers. Each entry is append-only: a correction inserts a new version (same root_id,
   * version + 1) and marks the old one superseded; only superseded_by and the director's sign-off
   * may be set on an existing row, once (triggers in the logbooks_guard migration).
   */
  const entryColumns = () => ({
    id: text('id').primaryKey(),
    rootId: text('root_id').notNull(),
    version: integer('version').notNull(),
    supersededBy: text('superseded_by'),
    amendReason: text('amend_reason'),
    occurredAt: text('occurred_at').notNull(),
    status: text('status').notNull(),
    ruleCode: text('rule_code'),
    dueAt: text('due_at'),
    /** The officer the entry belongs to (recorder, receiver, handling or first patrol officer). */
    officerId: text('officer_id').references(() => operators.id),
    /** The entry's words in one column for the text filter. */
    searchText: text('search_text').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => operators.id),
    signedBy: text('signed_by').references(() => operators.id),
    signedAt: text('signed_at')
  })

  /** Indexes on current versions only, for filtered, sorted pages over a million rows. */
  const entryIndexes = (name: string) => (t: Record<string, unknown>) => {
    const c = t as unknown as Record<keyof ReturnType<typeof entryColumns>, never>
    const current = sql`superseded_by IS NULL`
    return [
      uniqueIndex(`${name}_root_version_unique`).on(c.rootId, c.version),
      // On SQLite search_text rides along so a text filter reads the index, not a million table
      // rows. PostgreSQL has a trigram index for that, and a btree entry over long text fails.
      index(`${name}_occurred_text_idx`)
        .on(c.occurredAt, ...(kit.dialect === 'sqlite' ? [c.searchText] : []))
        .where(current),
      index(`${name}_status_occurred_idx`).on(c.status, c.occurredAt).where(current),
      index(`${name}_officer_occurred_idx`).on(c.officerId, c.occurredAt).where(current),
      index(`${name}_status_due_idx`).on(c.status, c.dueAt).where(current),
      index(`${name}_due_idx`)
        .on(c.dueAt)
        .where(sql`superseded_by IS NULL AND due_at IS NOT NULL`),
      index(`${name}_unsigned_idx`)
        .on(c.occurredAt)
        .where(sql`superseded_by IS NULL AND signed_at IS NULL`)
    ]
  }

  const liaisonLog = table(
    'logbook_liaison',
    {
      ...entryColumns(),
      contactName: text('contact_name').notNull(),
      address: text('address'),
      phone: text('phone'),
      matter: text('matter').notNull(),
      opinion: text('opinion'),
      note: text('note')
    },
    entryIndexes('logbook_liaison')
  )

  const committees = table(
    'logbook_committees',
    {
      id: text('id').primaryKey(),
      code: text('code'),
      name: text('name').notNull(),
      active: boolean('active').notNull().default(true),
      updatedAt: text('updated_at').notNull(),
      /** The station server's version this PC's name and active flag were made on (station/committees.ts). */
      version: integer('version').notNull().default(0)
    },
    (t) => [uniqueIndex('logbook_committees_name_unique').on(t.name)]
  )

  const patrolLog = table(
    'logbook_patrol',
    {
      ...entryColumns(),
      carNumber: text('car_number').notNull(),
      endedAt: text('ended_at'),
      /** JSON array of operator ids. */
      officerIds: text('officer_ids').notNull(),
      committeeId: text('committee_id').references(() => committees.id),
      unit: text('unit'),
      countersignName: text('countersign_name'),
      countersignAt: text('countersign_at')
    },
    (t) => [
      ...entryIndexes('logbook_patrol')(t),
      index('logbook_patrol_committee_idx')
        .on(t.committeeId, t.occurredAt)
        .where(sql`superseded_by IS NULL`)
    ]
  )

  const phoneLog = table(
    'logbook_phone',
    {
      ...entryColumns(),
      callerName: text('caller_name').notNull(),
      sex: text('sex').notNull(),
      address: text('address'),
      matter: text('matter').notNull(),
      callerPhone: text('caller_phone').notNull(),
      note: text('note')
    },
    entryIndexes('logbook_phone')
  )

  const caseLog = table(
    'logbook_case',
    {
      ...entryColumns(),
      kind: text('kind').notNull(),
      /** JSON array of { name, idNumber?, phone? }. */
      parties: text('parties').notNull(),
      summary: text('summary').notNull(),
      decisionNote: text('decision_note'),
      extensionReason: text('extension_reason'),
      extensionApprovedBy: text('extension_approved_by').references(() => operators.id),
      extensionApprovedAt: text('extension_approved_at')
    },
    entryIndexes('logbook_case')
  )

  const complaintLog = table(
    'logbook_complaint',
    {
      ...entryColumns(),
      complainantName: text('complainant_name').notNull(),
      complainantPhone: text('complainant_phone'),
      subject: text('subject').notNull(),
      investigation: text('investigation'),
      toldAt: text('told_at'),
      toldHow: text('told_how')
    },
    entryIndexes('logbook_complaint')
  )

  /** 出入境审核: the approval form, the file check, the field officer's review, telling the resident. */
  const exitReviewLog = table(
    'logbook_exit_review',
    {
      ...entryColumns(),
      applicantName: text('applicant_name').notNull(),
      applicantPhone: text('applicant_phone'),
      applicationKind: text('application_kind').notNull(),
      fileCheckedBy: text('file_checked_by').references(() => operators.id),
      fileCheckedAt: text('file_checked_at'),
      fileResult: text('file_result'),
      fileNote: text('file_note'),
      fieldOfficerId: text('field_officer_id').references(() => operators.id),
      handedAt: text('handed_at'),
      reviewOpinion: text('review_opinion'),
      reviewReturnedAt: text('review_returned_at'),
      approvedBy: text('approved_by').references(() => operators.id),
      approvedAt: text('approved_at'),
      toldAt: text('told_at'),
      toldNote: text('told_note')
    },
    entryIndexes('logbook_exit_review')
  )

  /** 报警求助: call, officers sent, arrival (met against SLA-EMERGENCY), outcome, linked case. */
  const calloutLog = table(
    'logbook_callout',
    {
      ...entryColumns(),
      callerName: text('caller_name').notNull(),
      callerPhone: text('caller_phone'),
      place: text('place').notNull(),
      matter: text('matter').notNull(),
      /** JSON array of operator ids. */
      officerIds: text('officer_ids').notNull(),
      arrivedAt: text('arrived_at'),
      outcome: text('outcome'),
      /** Root id of the 案件纠纷受理 entry opened from this call. */
      caseEntryId: text('case_entry_id')
    },
    entryIndexes('logbook_callout')
  )

  /** 群众来访接待、咨询电话. */
  const visitLog = table(
    'logbook_visit',
    {
      ...entryColumns(),
      channel: text('channel').notNull(),
      visitorName: text('visitor_name').notNull(),
      visitorPhone: text('visitor_phone'),
      matter: text('matter').notNull(),
      promisedAt: text('promised_at'),
      answer: text('answer'),
      answeredAt: text('answered_at'),
      satisfied: text('satisfied')
    },
    entryIndexes('logbook_visit')
  )

  /** 代办服务对象名册. */
  const proxyResidentLog = table(
    'logbook_proxy_resident',
    {
      ...entryColumns(),
      residentName: text('resident_name').notNull(),
      category: text('category').notNull(),
      address: text('address').notNull(),
      phone: text('phone'),
      contactName: text('contact_name'),
      contactPhone: text('contact_phone'),
      note: text('note')
    },
    entryIndexes('logbook_proxy_resident')
  )

  /** 代办、上门服务、定期法律咨询. */
  const proxyLog = table(
    'logbook_proxy',
    {
      ...entryColumns(),
      /** Root id of the resident in 代办服务对象名册. */
      residentId: text('resident_id'),
      residentName: text('resident_name').notNull(),
      serviceKind: text('service_kind').notNull(),
      matter: text('matter').notNull(),
      scheduledAt: text('scheduled_at').notNull(),
      handlerId: text('handler_id').references(() => operators.id),
      doneAt: text('done_at'),
      result: text('result'),
      cancelReason: text('cancel_reason')
    },
    entryIndexes('logbook_proxy')
  )

  /** 防盗门安装预约. */
  const doorLog = table(
    'logbook_door',
    {
      ...entryColumns(),
      residentName: text('resident_name').notNull(),
      phone: text('phone').notNull(),
      address: text('address').notNull(),
      requirement: text('requirement'),
      installer: text('installer'),
      installedAt: text('installed_at'),
      note: text('note')
    },
    entryIndexes('logbook_door')
  )

  /** 先外后内: back-office items left after the resident's household book was done. */
  const backOfficeLog = table(
    'logbook_back_office',
    {
      ...entryColumns(),
      residentName: text('resident_name').notNull(),
      business: text('business').notNull(),
      pendingItem: text('pending_item').notNull(),
      clearedAt: text('cleared_at'),
      note: text('note')
    },
    entryIndexes('logbook_back_office')
  )

  /** Promised deadlines (六项承诺), editable by the administrator. */
  const promiseRules = table('logbook_promise_rules', {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit', { enum: ['minutes', 'hours', 'calendarDays', 'workingDays'] }).notNull(),
    /** Longest allowed after an approved extension (cases: 14 working days). */
    maxAmount: integer('max_amount'),
    /** Minutes rules (SLA-EMERGENCY): the amount at night, and the night's hours (HH:mm, wrapping midnight). */
    nightAmount: integer('night_amount'),
    nightStart: text('night_start'),
    nightEnd: text('night_end'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => operators.id)
  })

  /** Half-filled forms, one per operator, book and entry (or new entry), kept until saved. */
  const logbookDrafts = table(
    'logbook_drafts',
    {
      id: text('id').primaryKey(),
      operatorId: text('operator_id')
        .notNull()
        .references(() => operators.id),
      book: text('book').notNull(),
      /** '' for a new entry. */
      entryId: text('entry_id').notNull(),
      data: text('data').notNull(),
      updatedAt: text('updated_at').notNull()
    },
    (t) => [uniqueIndex('logbook_drafts_unique').on(t.operatorId, t.book, t.entryId)]
  )

  /**
   * Keyed blind index of the ID and phone numbers in each entry version (its fields and its free
   * text): HMAC-SHA256 with the blind-index key, truncated (crypto/cipher.ts). A search by a full ID
   * or phone number finds entries here; the numbers themselves are stored encrypted and never reach
   * search_text or its full-text index. Append-only like the entries.
   */
  const logbookBlindIndex = table(
    'logbook_blind_index',
    {
      token: text('token').notNull(),
      book: text('book').notNull(),
      entryId: text('entry_id').notNull()
    },
    (t) => [primaryKey({ columns: [t.token, t.book, t.entryId] })]
  )

  return {
    liaisonLog,
    committees,
    patrolLog,
    phoneLog,
    caseLog,
    complaintLog,
    exitReviewLog,
    calloutLog,
    visitLog,
    proxyResidentLog,
    proxyLog,
    doorLog,
    backOfficeLog,
    promiseRules,
    logbookDrafts,
    logbookBlindIndex
  }
}

export type Logbooks = ReturnType<typeof defineLogbooks>
