import type { Contract } from '../../shared/ipc/contract'
import type { Services } from '../services'
import type { CallContext, HandlerMap } from '../ipc/table'
import { AppError } from '../../shared/errors'

const actorOf = (context: CallContext) => {
  if (!context.session) throw new AppError('UNAUTHENTICATED', '请先登录')
  return context.session.operator.id
}

export function createGuideHandlers({ guide }: Services): HandlerMap<Contract>['guide'] {
  return {
    tree: () => guide.repo.tree(),
    business: ({ code }) => guide.repo.business(code),
    search: ({ query }) => guide.search(query),
    saveCategory: (input, context) => guide.saveCategory(input, actorOf(context)),
    saveBusiness: (input, context) => guide.saveBusiness(input, actorOf(context)),
    history: ({ code }) => guide.repo.history(code),
    office: () => guide.repo.office(),
    updateOffice: (input, context) => guide.repo.updateOffice(input, actorOf(context)),
    checklist: async (input, context) => {
      const { bytes: _bytes, ...result } = await guide.checklist(input, actorOf(context))
      return result
    },
    voiceScript: ({ save }, context) => guide.voiceScript(save, actorOf(context))
  }
}
