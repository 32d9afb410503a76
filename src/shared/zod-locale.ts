import { z } from 'zod'

/**
 * Messages for a check written without its own words, in the plain Chinese of the form's other
 * messages (不能大于 200, 最多 20 个字) rather than zod's zh-CN (数值过大：期望 number <=200).
 * Anything not covered here falls back to zod's zh-CN. Imported by the IPC contract, so main,
 * the preload and the renderer all have it.
 */
const zodChinese = z.locales.zhCN().localeError

const NUMBERS = new Set(['number', 'int', 'bigint'])
const LISTS = new Set(['array', 'set', 'map', 'record'])

const TYPES: Record<string, string> = {
  number: '应为数字',
  int: '应为整数',
  bigint: '应为整数',
  string: '应为文字',
  boolean: '应为“是”或“否”',
  array: '应为列表',
  object: '格式不对',
  date: '应为日期'
}

type Issue = Parameters<typeof zodChinese>[0]

export function plainChineseMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填'
      return TYPES[issue.expected] ?? '格式不对'
    case 'too_big': {
      const max = String(issue.maximum)
      if (NUMBERS.has(issue.origin)) return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`
      if (issue.origin === 'string') return `最多 ${max} 个字`
      if (LISTS.has(issue.origin)) return `最多 ${max} 项`
      break
    }
    case 'too_small': {
      const min = String(issue.minimum)
      if (NUMBERS.has(issue.origin)) {
        if (issue.inclusive && Number(issue.minimum) === 0) return '不能为负数'
        return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`
      }
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字`
      if (LISTS.has(issue.origin)) return Number(issue.minimum) <= 1 ? '至少一项' : `至少 ${min} 项`
      break
    }
    case 'invalid_value':
      return '不在可选范围内'
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`
    case 'invalid_format':
      return '格式不对'
  }
  return undefined
}

z.config({
  localeError: (issue) => plainChineseMessage(issue as Issue) ?? zodChinese(issue)
})
