import type { Contract } from '../../shared/ipc/contract'
import type { Services } from '../services'
import { actorOf, type HandlerMap } from '../ipc/table'

export function createStationHandlers(services: Services): HandlerMap<Contract>['station'] {
  const { station } = services
  return {
    status: async () => station.status(),
    get: async () => station.get(),
    test: ({ config, password }) => station.test(config, password),
    save: ({ config, password, passphrase }, context) =>
      station.save(config, password, passphrase, actorOf(context)),
    join: ({ config, password, passphrase }) => station.join(config, password, passphrase),
    uploadNow: () => station.uploadNow(),
    conflicts: async () => station.conflicts(),
    auditList: (query) => station.auditList(query),
    auditVerify: () => station.auditVerify(services.onAuditProgress),
    resolveConflict: ({ id, keep }, context) =>
      station.resolveConflict(id, keep, {
        id: actorOf(context),
        role: context.session!.operator.role
      })
  }
}
