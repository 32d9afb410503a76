import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { nothing, page, requiredText } from '../ipc/fields'
import { AUDIT_READERS } from '../roles'
import { auditEntry } from '../audit-entry'
import {
  conflictResolution,
  stationCheckReport,
  stationConflictView,
  stationServerConfig,
  stationStatus
} from './config'

/** A password as typed; empty keeps the stored one (same server and user). */
const serverPassword = z.string({ error: '密码应为文字' }).max(200, '密码太长').optional()

const serverInput = z.strictObject({ config: stationServerConfig, password: serverPassword })

/**
 * 本所密钥口令: sets the station key on the first PC to link, unwraps it on the others; empty keeps
 * the key this PC holds (the server's is the same).
 */
const stationPassphrase = z
  .string({ error: '本所密钥口令应为文字' })
  .max(200, '本所密钥口令太长')
  .optional()

/** One row of the station server's audit log, with the PC that wrote it. */
export const stationAuditEntry = auditEntry.extend({
  deviceId: z.string(),
  /** The PC's 本机名称 (or computer name), as it last gave it to the server. */
  pcName: z.string().nullable()
})

/** One PC's audit chain on the server, checked link by link and mac by mac. */
export const stationChainView = z.object({
  deviceId: z.string(),
  pcName: z.string().nullable(),
  rows: z.int(),
  ok: z.boolean(),
  /** The first row that does not fit (a gap, a broken link, a changed field). */
  brokenAt: z.int().nullable(),
  /** The first row whose mac is not the station key's. */
  badMacAt: z.int().nullable().optional()
})

export const stationContract = {
  /**
   * The status bar's 本所服务器 / 离线（n 条待上传）: every signed-in operator sees it, the auditor
   * too (the audit log offers the whole station's rows in station mode).
   */
  status: call({ input: nothing, output: stationStatus, access: 'signedIn', auditor: true }),
  get: call({
    input: nothing,
    output: z.object({
      config: stationServerConfig.nullable(),
      hasPassword: z.boolean(),
      hasStationKey: z.boolean()
    }),
    access: ['admin']
  }),
  /** 测试连接: checks the server, changes nothing. */
  test: call({ input: serverInput, output: stationCheckReport, access: ['admin'] }),
  /** Saves after a passing check, links this PC once and uploads. */
  save: call({
    input: serverInput.extend({ passphrase: stationPassphrase }),
    output: z.object({ report: stationCheckReport, status: stationStatus }),
    access: ['admin']
  }),
  /**
   * 加入本所服务器 at first start (no operator on this PC yet): links to a station set up already;
   * its accounts arrive and sign in here. Refused once this PC has an operator.
   */
  join: call({
    input: serverInput.extend({ passphrase: stationPassphrase }),
    output: z.object({
      report: stationCheckReport,
      status: stationStatus,
      /** Accounts on this PC after the first round (0: the round did not get through). */
      accounts: z.int()
    }),
    access: 'public'
  }),
  uploadNow: call({ input: nothing, output: stationStatus, access: 'signedIn' }),
  /** Conflicts not dealt with yet, newest first. */
  conflicts: call({
    input: nothing,
    output: z.array(stationConflictView),
    access: ['admin', 'director']
  }),
  /**
   * The whole station's audit log on the server (every PC's uploaded rows, newest first): only
   * the auditor, as the PC's own log. Needs the server reachable.
   */
  auditList: call({
    input: page.extend({ action: requiredText(64).optional() }),
    output: z.object({ total: z.int(), rows: z.array(stationAuditEntry) }),
    access: AUDIT_READERS
  }),
  /** Every PC's chain on the server verified, macs under the station key. */
  auditVerify: call({ input: nothing, output: z.array(stationChainView), access: AUDIT_READERS }),
  /** Deals with one conflict; sending this PC's setting again is the administrator's. */
  resolveConflict: call({
    input: conflictResolution,
    output: stationStatus,
    access: ['admin', 'director']
  })
} satisfies Namespace
