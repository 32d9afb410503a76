import { z } from 'zod'

/**
 * A whole number from `min` to `max`, each failure in its own words. (A schema-level `error`
 * replaces every message of its checks: 2026 where at most 20 is allowed would read 应为整数.)
 */
export const wholeNumber = (min: number, max: number) =>
  z
    .int({ error: '应为整数' })
    .min(min, { error: min === 0 ? '不能为负数' : `不能小于 ${min}` })
    .max(max, { error: `不能大于 ${max}` })
