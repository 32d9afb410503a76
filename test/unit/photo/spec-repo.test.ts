import { afterEach, describe, expect, it } from 'vitest'
import { openSignedIn } from '../../helpers/services'
import { AppError } from '../../../src/shared/errors'

let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

describe('photo spec table', () => {
  it('is seeded from the resource file and edits are validated and audited', async () => {
    const services = await openSignedIn()
    cleanup = services.cleanup
    const specs = await services.photoSpecs.list()
    expect(specs).toHaveLength(9)
    const resident = await services.photoSpecs.get('resident-id')
    expect([resident.widthPx, resident.heightPx, resident.dpi]).toEqual([358, 441, 350])

    const operatorId = services.auth.current()!.operator.id
    const edited = { ...resident, jpeg: { ...resident.jpeg, maxBytes: 24 * 1024 } }
    await services.photoSpecs.save(edited, operatorId)
    expect((await services.photoSpecs.get('resident-id')).jpeg.maxBytes).toBe(24 * 1024)
    const audit = await services.audit.list({ page: 1, pageSize: 10, action: 'photo.spec.update' })
    expect(audit.rows).toHaveLength(1)

    const broken = { ...resident, geometry: { ...resident.geometry, faceWidth: { min: 400 } } }
    const error = await services.photoSpecs.save(broken, operatorId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toBe('规格自相矛盾：脸宽下限 400 px 不小于照片宽 358 px')
    expect((await services.photoSpecs.get('resident-id')).geometry.faceWidth).toEqual({
      min: 193,
      max: 221
    })
    expect(
      (await services.audit.list({ page: 1, pageSize: 10, action: 'photo.spec.update' })).rows
    ).toHaveLength(1)
  })

  it('keeps edits when reopened and adds a new spec at the end', async () => {
    const services = await openSignedIn()
    cleanup = services.cleanup
    const base = await services.photoSpecs.get('one-inch')
    await services.photoSpecs.save({ ...base, id: 'visa-custom', name: '签证（自定义）' }, null)
    const ids = (await services.photoSpecs.list()).map((s) => s.id)
    expect(ids.at(-1)).toBe('visa-custom')
    await expect(services.photoSpecs.get('nope')).rejects.toThrow('没有编号为 nope 的照片规格')
  })
})
