import type { Contract } from '../../shared/ipc/contract'
import type { Services } from '../services'
import { actorOf, type HandlerMap } from '../ipc/table'

export function createCalendarHandlers(services: Services): HandlerMap<Contract>['calendar'] {
  const { calendar } = services
  return {
    schedules: () => calendar.list(),
    saveSchedule: (input, context) => calendar.save(input, actorOf(context)),
    deleteSchedule: ({ year }, context) => calendar.remove(year, actorOf(context)),
    printTable: ({ fromYear, toYear }, context) =>
      calendar.printTable(fromYear, toYear, actorOf(context))
  }
}
