import type { addressContract } from '../../shared/address/contract'
import { AppError } from '../../shared/errors'
import { actorOf } from '../ipc/table'
import type { HandlerMap } from '../ipc/table'
import type { Services } from '../services'
import { guessMapping, memoryBatches, readTable } from './import'

/** The address namespace of the handler table. */
export function createAddressHandlers(
  services: Services
): HandlerMap<{ address: typeof addressContract }>['address'] {
  const { address } = services
  const table = async (name: string, content: string) => {
    try {
      return await readTable(name, content)
    } catch {
      throw new AppError('VALIDATION', '无法读取该文件：请使用 CSV（UTF-8）或 XLSX')
    }
  }
  return {
    search: async ({ query, limit }) => address.search(query, limit),
    remember: async ({ query, changeId }, context) => {
      address.remember(actorOf(context), query, changeId)
      return null
    },
    recent: async (_input, context) => address.recent(actorOf(context)),
    list: async (input) => address.list(input),
    addReading: async ({ term, reading }, context) =>
      address.addReading(term, reading, actorOf(context)),
    readings: async ({ term }) => address.readings(term),
    removeReading: async ({ term, reading }, context) =>
      address.removeReading(term, reading, actorOf(context)),
    stats: async () => address.stats(),
    create: async (input, context) => address.create(input, actorOf(context)),
    update: async ({ id, ...input }, context) => address.update(id, input, actorOf(context)),
    remove: async ({ id }, context) => {
      address.remove(id, actorOf(context))
      return null
    },
    removeSample: async (_input, context) => address.removeSample(actorOf(context)),
    previewImport: async ({ name, content }) => {
      const rows = await table(name, content)
      const [headers = [], ...data] = rows
      return {
        headers,
        rows: data.slice(0, 10),
        totalRows: data.length,
        mapping: guessMapping(headers)
      }
    },
    startImport: async ({ name, content, mapping }, context) => {
      const rows = await table(name, content)
      const width = rows[0]?.length ?? 0
      if (Object.values(mapping).some((i) => i !== null && i >= width))
        throw new AppError('VALIDATION', '列映射超出文件的列数')
      return address.startImport(
        name,
        memoryBatches(rows),
        mapping,
        rows.length - 1,
        actorOf(context)
      ).job
    },
    importStatus: async ({ id }) => address.importStatus(id),
    cancelImport: async ({ id }) => address.cancelImport(id),
    exportTable: async ({ format, origin }, context) =>
      address.exportTable(format, origin, actorOf(context))
  }
}
