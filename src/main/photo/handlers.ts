import { AppError } from '../../shared/errors'
import type { Contract } from '../../shared/ipc/contract'
import type { CallContext, HandlerMap } from '../ipc/table'
import type { Services } from '../services'

const operatorOf = (context: CallContext) => context.session?.operator.id ?? null

/** The photo namespace of the handler table. */
export function createPhotoHandlers(services: Services): HandlerMap<Contract>['photo'] {
  const { photo, photoSpecs } = services
  return {
    specs: () => photoSpecs.list(),
    saveSpec: (input, context) => photoSpecs.save(input, operatorOf(context)),
    camera: () => photo.camera(),
    setCamera: (input, context) => photo.setCamera(input, operatorOf(context)),
    capture: (input) => photo.capture(input.specId, input.background ?? null),
    adjust: ({ captureId, background, ...nudge }) => photo.adjust(captureId, nudge, background),
    accept: ({ captureId, ...extra }, context) =>
      photo.accept(captureId, operatorOf(context), extra),
    list: (input) => photo.list(input),
    image: (input) => photo.image(input.id),
    remove: (input, context) => {
      if (!context.session) throw new AppError('UNAUTHENTICATED', '请先登录')
      const { id, role } = context.session.operator
      return photo.remove(input.id, { id, role })
    },
    export: (input, context) => photo.exportFile(input.id, operatorOf(context)),
    sheet: (input, context) => photo.sheet(input, operatorOf(context))
  }
}
