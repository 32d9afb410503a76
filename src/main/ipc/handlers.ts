import { contract, type Contract } from '../../shared/ipc/contract'
import type { Services } from '../services'
import { toOperatorView } from '../auth/operators-repo'
import { createAddressHandlers } from '../address/handlers'
import { createCalendarHandlers } from '../calendar/handlers'
import { createGuideHandlers } from '../guide/handlers'
import { createLogbooksHandlers } from '../logbooks/handlers'
import { createStaffHandlers } from '../staff/handlers'
import {
  actorOf,
  createHandlerTable,
  type HandlerMap,
  type HandlerTable,
  type InvokeMeta
} from './table'
import { createPhotoHandlers } from '../photo/handlers'
import { describeError } from '../app-log'
import { createQueueHandlers } from '../queue/handlers'
import { createStationHandlers } from '../station/handlers'

/** Every call's implementation, keyed exactly like the contract. */
export function createHandlers(services: Services): HandlerMap<Contract> {
  const { auth, operators, settings, audit } = services
  return {
    app: {
      info: async () => ({
        version: services.appVersion,
        dataDir: services.paths.dataDir,
        databasePath: services.paths.databasePath,
        backupDir: services.paths.backupDir,
        schemaVersion: services.schemaVersion,
        deviceId: services.deviceId,
        lastBackup: services.lastBackup()
      }),
      reportError: async ({ message, ...report }) => {
        services.log.error('renderer', `screen failed in ${report.module}`, {
          ...report,
          error: message
        })
        return null
      },
      openDocument: async ({ path }) => {
        await services.openDocument(path)
        return null
      }
    },
    calendar: createCalendarHandlers(services),
    auth: {
      status: () => auth.status(),
      setupAdmin: (input) => auth.setupAdmin(input),
      signIn: (input) => auth.signIn(input),
      signOut: () => auth.signOut(),
      lock: () => auth.lock(),
      // The table has already counted this call as activity.
      activity: async () => null,
      unlock: (input) => auth.unlock(input.password),
      changePassword: async (input) => {
        await auth.changePassword(input.current, input.next)
        return null
      }
    },
    operators: {
      list: async () => (await operators.list()).map(toOperatorView),
      create: async (input, context) => {
        const { password, ...rest } = input
        // The administrator chose the password: the operator must change it at the first sign-in.
        const row = await operators.create(
          { ...rest, passwordHash: await auth.hashPassword(password) },
          actorOf(context),
          { temporaryPassword: true }
        )
        return toOperatorView(row)
      },
      update: async ({ id, ...changes }, context) => {
        const row = await operators.update(id, changes, actorOf(context))
        await auth.refresh(id)
        return toOperatorView(row)
      },
      resetPassword: async ({ id, password }, context) =>
        toOperatorView(await auth.resetPassword(id, password, actorOf(context)))
    },
    settings: {
      get: () => settings.get(),
      setLocale: (input, context) =>
        settings.update(input, {
          operatorId: context.session?.operator.id ?? null,
          deviceId: services.deviceId
        }),
      update: (input, context) =>
        settings.update(input, { operatorId: actorOf(context), deviceId: services.deviceId })
    },
    audit: {
      list: (input) => audit.list(input),
      verify: () => audit.verify(services.onAuditProgress)
    },
    logbooks: createLogbooksHandlers(services),
    guide: createGuideHandlers(services),
    address: createAddressHandlers(services),
    photo: createPhotoHandlers(services),
    staff: createStaffHandlers(services),
    queue: createQueueHandlers(services),
    station: createStationHandlers(services)
  }
}

/** The table main registers on ipcMain, and the e2e bridge exposes to Chromium. */
export function createIpcTable(
  services: Services,
  isTrustedSender: (url: string | undefined) => boolean,
  onInternalError: (channel: string, error: unknown) => void = (channel, error) =>
    services.log.error('ipc', `${channel} failed`, { channel, ...describeError(error) })
): HandlerTable {
  const table = createHandlerTable({
    contract,
    handlers: createHandlers(services),
    isTrustedSender,
    currentSession: () => services.auth.current(),
    sessionPolicy: { enforce: () => services.auth.enforce(), touch: () => services.auth.touch() },
    onInternalError
  })
  return {
    channels: table.channels,
    async invoke(channel: string, input: unknown, meta: InvokeMeta) {
      const result = await table.invoke(channel, input, meta)
      // A signed audit checkpoint after calls that audited something (throttled in the writer).
      try {
        services.checkpoints.maybe()
      } catch (error) {
        services.log.error('audit', 'checkpoint not written', describeError(error))
      }
      return result
    }
  }
}

/** Trusts only URLs under one of our own origins (app:// in production, the dev server in dev). */
export const trustOrigins =
  (origins: readonly string[]) =>
  (url: string | undefined): boolean => {
    if (!url) return false
    try {
      const { origin, protocol, host } = new URL(url)
      return origins.some((allowed) => {
        const expected = new URL(allowed)
        // Custom schemes report origin "null": compare scheme and host instead.
        return origin === 'null'
          ? protocol === expected.protocol && host === expected.host
          : origin === expected.origin
      })
    } catch {
      return false
    }
  }
