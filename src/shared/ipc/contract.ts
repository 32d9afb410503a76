import '../zod-locale'
import { z } from 'zod'
import { AUDIT_READERS, roles } from '../roles'
import { call, type ContractShape } from './define'
import { calendarContract } from '../calendar/contract'
import { logbooksContract } from '../logbooks/contract'
import { guideContract } from '../guide/contract'
import { addressContract } from '../address/contract'
import { photoContract } from '../photo/contract'
import { staffContract } from '../staff/contract'
import { queueContract } from '../queue/contract'
import { stationContract } from '../station/contract'
import { auditEntry } from '../audit-entry'
import {
  displayName,
  isoDateTime,
  newPassword,
  nothing,
  page,
  password,
  passwordWithoutUsername,
  requiredText,
  text,
  signInUsername,
  username,
  uuid
} from './fields'
import { wholeNumber } from '../numbers'

/** The one IPC contract: main's handlers, the preload and the renderer's types all derive from it. */

export const role = z.enum(roles, { error: '无效的角色' })
export const locale = z.enum(['zh-CN', 'en-US'], { error: '无效的语言' })

export const operatorView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** An administrator reset the password: the operator must set an own one before anything else. */
  passwordChangeRequired: z.boolean(),
  createdAt: z.string()
})

export const sessionView = z.object({
  operator: operatorView,
  signedInAt: z.string(),
  locked: z.boolean()
})

export const authStatus = z.object({
  needsSetup: z.boolean(),
  session: sessionView.nullable()
})

export const settingsView = z.object({
  locale,
  idleLockMinutes: z.int(),
  stationName: z.string()
})

export const appInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  backupDir: z.string(),
  schemaVersion: z.int(),
  deviceId: z.string(),
  lastBackup: z.string().nullable()
})

export { auditEntry }

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.int(),
  /** The first bad row: altered, re-chained, unsigned, or the first missing after truncation. */
  firstBroken: z.object({ seq: z.int(), reason: z.string() }).nullable(),
  /** The signed checkpoints outside the database the chain was held against. */
  checkpoints: z.object({
    count: z.int(),
    lastSeq: z.int().nullable(),
    lastAt: z.string().nullable(),
    /** A checkpoint line that does not verify (the file was edited). */
    problem: z.string().nullable()
  })
})

const credentials = z.strictObject({ username: signInUsername, password })

export const contract = {
  app: {
    info: call({ input: nothing, output: appInfo, access: 'public', whileLocked: true }),
    /**
     * A screen that failed while drawing: written to main's log with the module and what was
     * typed last (ID and phone numbers masked). Control characters are allowed here: they may be
     * exactly what broke the screen; the log stores them escaped.
     */
    reportError: call({
      input: z.strictObject({
        module: z.string().max(40),
        message: z.string().max(2000),
        stack: z.string().max(20_000).optional(),
        componentStack: z.string().max(20_000).optional(),
        input: z.string().max(2000).optional()
      }),
      output: z.null(),
      access: 'public',
      whileLocked: true
    }),
    /** Opens a document the app wrote (exports folder only) in the system viewer, to print. */
    openDocument: call({
      input: z.strictObject({ path: text(1000, 1) }),
      output: z.null(),
      access: 'signedIn'
    })
  },
  auth: {
    status: call({ input: nothing, output: authStatus, access: 'public', whileLocked: true }),
    setupAdmin: call({
      input: z
        .strictObject({ username, displayName, password: newPassword })
        .superRefine(passwordWithoutUsername),
      output: authStatus,
      access: 'public'
    }),
    signIn: call({ input: credentials, output: authStatus, access: 'public' }),
    signOut: call({ input: nothing, output: authStatus, access: 'public', whileLocked: true }),
    lock: call({
      input: nothing,
      output: authStatus,
      access: 'signedIn',
      whileLocked: true,
      auditor: true,
      duringPasswordChange: true
    }),
    /** Keyboard/pointer activity on screen (throttled by the renderer): keeps main's idle clock. */
    activity: call({
      input: nothing,
      output: z.null(),
      access: 'signedIn',
      auditor: true,
      duringPasswordChange: true
    }),
    unlock: call({
      input: z.strictObject({ password }),
      output: authStatus,
      access: 'signedIn',
      whileLocked: true,
      auditor: true,
      duringPasswordChange: true
    }),
    /** The user name and the last 5 passwords are checked in main, which knows them. */
    changePassword: call({
      input: z.strictObject({ current: password, next: newPassword }),
      output: z.null(),
      access: 'signedIn',
      auditor: true,
      duringPasswordChange: true
    })
  },
  operators: {
    list: call({ input: nothing, output: z.array(operatorView), access: ['admin'] }),
    /** The password is temporary: the operator must change it at the first sign-in. */
    create: call({
      input: z
        .strictObject({ username, displayName, role, password: newPassword })
        .superRefine(passwordWithoutUsername),
      output: operatorView,
      access: ['admin']
    }),
    update: call({
      input: z.strictObject({
        id: uuid,
        displayName: displayName.optional(),
        role: role.optional(),
        active: z.boolean({ error: '应为是或否' }).optional()
      }),
      output: operatorView,
      access: ['admin']
    }),
    /** Sets a temporary password: the operator must change it at the next sign-in. */
    resetPassword: call({
      input: z.strictObject({ id: uuid, password: newPassword }),
      output: operatorView,
      access: ['admin']
    })
  },
  settings: {
    get: call({ input: nothing, output: settingsView, access: 'public', whileLocked: true }),
    /** The language can be switched before anyone signs in. */
    setLocale: call({
      input: z.strictObject({ locale }),
      output: settingsView,
      access: 'public',
      whileLocked: true
    }),
    update: call({
      input: z.strictObject({
        idleLockMinutes: wholeNumber(1, 120).optional(),
        stationName: requiredText(60).optional()
      }),
      output: settingsView,
      access: ['admin']
    })
  },
  calendar: calendarContract,
  /** Only the auditor: the administrator cannot read the log (separation of duties). */
  audit: {
    list: call({
      input: page.extend({ action: requiredText(64).optional(), since: isoDateTime.optional() }),
      output: z.object({ total: z.int(), rows: z.array(auditEntry) }),
      access: AUDIT_READERS
    }),
    verify: call({ input: nothing, output: auditVerification, access: AUDIT_READERS })
  },
  logbooks: logbooksContract,
  guide: guideContract,
  address: addressContract,
  photo: photoContract,
  staff: staffContract,
  queue: queueContract,
  station: stationContract
} satisfies ContractShape

export type Contract = typeof contract

/** How far a long piece of work is: items done of the total. */
const progress = z.object({ done: z.int().min(0), total: z.int().min(0) })
export type Progress = z.output<typeof progress>

/** Events main pushes to the renderer (payloads validated in main before sending). */
export const events = {
  'session.changed': authStatus,
  /**
   * Another PC's station-wide settings, photo specs or register rows arrived from the station
   * server (`registers`: rows and changes taken, per table).
   */
  'station.changed': z.object({
    settings: z.array(z.string().max(100)).max(50),
    photoSpecs: z.array(z.string().max(100)).max(500),
    registers: z.record(z.string().max(100), z.int().min(0))
  }),
  /** Other PCs' rows being taken from the station server (a joining PC takes them all). */
  'station.progress': progress,
  /** Audit rows verified so far (本机 or 全所 校验), of those there were. */
  'audit.progress': progress
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export type OperatorView = z.output<typeof operatorView>
export type SessionView = z.output<typeof sessionView>
export type AuthStatus = z.output<typeof authStatus>
export type SettingsView = z.output<typeof settingsView>
export type AppInfo = z.output<typeof appInfo>
export type AuditEntry = z.output<typeof auditEntry>
export type AuditVerification = z.output<typeof auditVerification>
export type Locale = z.output<typeof locale>
