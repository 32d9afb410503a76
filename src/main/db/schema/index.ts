// The app's (SQLite) tables; drizzle-kit reads them through this module (drizzle.config.ts).
// One definition per feature file, shared with the station server's schema (pg.ts).
import { defineSchema } from './define'
import { sqliteKit } from './kit/sqlite'

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
} = defineSchema(sqliteKit)
