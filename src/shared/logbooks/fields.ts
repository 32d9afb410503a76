import { z } from 'zod'
import { safeCharacters } from '../ipc/fields'
import { stationDate } from '../dates'
import { checkIdNumber } from './id-number'
import { checkPersonName } from './person-name'
import { checkPhone } from './phone'

/**
 * Zod field builders over the validators, so a bad value is refused at the IPC boundary with the
 * validator's Chinese message at its field. They check, they do not rewrite: the service
 * normalises (and collects warnings) with the same validators.
 */

const capped = (max: number) =>
  z
    .string({ error: '应为文本' })
    .max(max, { error: `不能超过 ${max} 个字符` })
    .superRefine(safeCharacters)

export const personName = capped(200)
  .superRefine((value, ctx) => {
    const { error } = checkPersonName(value)
    if (error) ctx.addIssue({ code: 'custom', message: error })
  })
  .meta({ examples: ['张三'] })

export const idNumber = capped(40)
  .superRefine((value, ctx) => {
    const { error } = checkIdNumber(value, { today: stationDate(new Date()) })
    if (error) ctx.addIssue({ code: 'custom', message: error.message })
  })
  .meta({ examples: ['11010519491231002X'] })

export const phoneNumber = (options: { allowLandline?: boolean } = {}) =>
  capped(40)
    .superRefine((value, ctx) => {
      const { error } = checkPhone(value, options)
      if (error) ctx.addIssue({ code: 'custom', message: error })
    })
    .meta({ examples: ['13812345678'] })
