// The station server's (PostgreSQL) tables, from the same definitions as the app's (index.ts);
// drizzle-kit reads them through this module (drizzle-pg.config.ts).
import { defineSchema } from './define'
import { pgKit } from './kit/pg'

export const {
  // foundation
  operators,
  passwordHistory,
  settings,
  auditLog,
  // calendar
  holidaySchedules,
  // logbooks
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
  logbookBlindIndex,
  // guide
  guideCategories,
  guideBusinesses,
  guideMaterials,
  guidePromises,
  guideChanges,
  // address
  addressChanges,
  addressVocab,
  addressRecent,
  addressRemovals,
  // photo
  photoSpecs,
  photos,
  // staff
  staffCards,
  staffAttendance,
  staffFollowups,
  staffChecks,
  staffSpotChecks,
  staffAwards,
  staffLadder,
  staffComplaintRulings,
  staffFigures,
  // queue
  queueServices,
  queueWindows,
  queueTickets,
  queueCalls,
  queueRatings
} = defineSchema(pgKit)
