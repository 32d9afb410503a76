import { z } from 'zod'
import {
  CLASS_RULE,
  PASSWORD_MAX,
  PASSWORD_MIN,
  USERNAME_RULE,
  containsUsername,
  passwordClassCount
} from '../password-policy'
import { stripUnsafeCharacters, unsafeTextMessage } from '../text-safety'

/** Field builders shared by every contract: every string has a length cap, every object is strict. */

/**
 * Refuses control characters and bidi overrides (the message names the character), and text that
 * starts like a sealed value (text-safety.ts).
 */
export const safeCharacters = (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const message = unsafeTextMessage(value)
  if (message) ctx.addIssue({ code: 'custom', message })
}

export const text = (max: number, min = 0) =>
  z
    .string({ error: '应为文本' })
    .min(min, { error: min <= 1 ? '不能为空' : `至少 ${min} 个字符` })
    .max(max, { error: `不能超过 ${max} 个字符` })
    .superRefine(safeCharacters)

/**
 * What is typed in a search box: bounded, control characters and bidi overrides dropped rather
 * than refused (a pasted NUL must not turn a search into an error), then trimmed.
 */
export const searchText = (max: number, min = 0) =>
  z
    .string({ error: '应为文本' })
    .max(max, { error: `不能超过 ${max} 个字符` })
    .overwrite((value) => stripUnsafeCharacters(value).trim())
    .refine((value) => value.length >= min, { error: '请输入要查找的内容' })

export const requiredText = (max: number) => text(max, 1).trim().min(1, { error: '不能为空' })

export const uuid = z.uuid({ error: '无效的记录编号' })

/** A calendar month, YYYY-MM. */
export const month = z
  .string({ error: '应为月份' })
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM' })
  .meta({ examples: ['2026-11'] })

/** A wall-clock time of day, HH:mm. */
export const clock = z
  .string({ error: '应为时间' })
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' })
  .meta({ examples: ['08:00'] })

export const isoDateTime = z.iso.datetime({ error: '无效的时间' })

export const USERNAME_MAX = 32
export const DISPLAY_NAME_MAX = 50

export const username = z
  .string({ error: '应为文本' })
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(USERNAME_MAX, { error: `用户名不能超过 ${USERNAME_MAX} 个字符` })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和连字符' })
  .meta({ examples: ['li.na'] })

/**
 * A user name at sign-in: also another PC's account taken here as `name@device` (its user name
 * was this PC's already; station/uploader.ts deviceUsername), which no one can create.
 */
export const SIGN_IN_USERNAME_MAX = USERNAME_MAX + '@01234567'.length
export const signInUsername = z
  .string({ error: '应为文本' })
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(SIGN_IN_USERNAME_MAX, { error: `用户名不能超过 ${SIGN_IN_USERNAME_MAX} 个字符` })
  .regex(/^[A-Za-z0-9_.-]+(@[0-9a-f]{8})?$/i, {
    error:
      '用户名只能包含字母、数字、下划线、点和连字符（另一台电脑的同名账户在本机为“用户名@8 位编号”）'
  })
  .meta({ examples: ['li.na'] })

/** 等保 level 3 (src/shared/password-policy.ts); the user-name rule needs the object, see below. */
export const newPassword = z
  .string({ error: '应为文本' })
  .min(PASSWORD_MIN, { error: `密码至少 ${PASSWORD_MIN} 位` })
  .max(PASSWORD_MAX, { error: `密码不能超过 ${PASSWORD_MAX} 位` })
  .refine((value) => passwordClassCount(value) >= 3, { error: CLASS_RULE })
  .meta({ examples: ['Window2026'] })

/** For an object with `username` and `password`: the password must not contain the user name. */
export const passwordWithoutUsername = (
  value: { username: string; password: string },
  ctx: z.core.$RefinementCtx<{ username: string; password: string }>
) => {
  if (containsUsername(value.password, value.username))
    ctx.addIssue({ code: 'custom', path: ['password'], message: USERNAME_RULE })
}

/** A password being checked, not set: only bounded. */
export const password = z.string({ error: '应为文本' }).min(1, { error: '请输入密码' }).max(128)

export const displayName = requiredText(DISPLAY_NAME_MAX)

export const nothing = z.undefined({ error: '此调用不接受参数' })

export const page = z.strictObject({
  page: z.int().min(1).max(1_000_000).default(1),
  pageSize: z.int().min(1).max(500).default(50)
})

/** A calendar date 'YYYY-MM-DD' that exists. */
export const isoDate = z
  .string({ error: '应为日期' })
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (value) => {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number]
      const date = new Date(Date.UTC(y, m - 1, d))
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    },
    { error: '日期不存在' }
  )
  .meta({ examples: ['2026-11-28'] })
