import { parseArgs } from 'node:util'
import { ageOn, describeDay, resolveDateText } from '../../shared/calendar'
import { localDate } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import type { Command } from './command'

export const calendarCommands: Record<string, Command> = {
  lunar: {
    usage:
      '<公历 YYYY-MM-DD | 农历如 1987年闰六月初三> [--json]  公历农历互查、干支、生肖、节气、年龄',
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } }
      })
      const text = positionals.join('')
      if (!text) throw new AppError('VALIDATION', '请给出日期，例如 1987-07-28 或 1987年闰六月初三')
      const day = describeDay(resolveDateText(text))
      const age = ageOn(day.solar, localDate(services.now()))
      if (values.json) {
        console.log(JSON.stringify({ ...day, age }, null, 2))
        return 0
      }
      console.log(
        [
          `公历：${day.solar} ${day.weekday}`,
          `农历：${day.lunarText}`,
          `干支：${day.ganzhi.year}年 ${day.ganzhi.month}月 ${day.ganzhi.day}日，生肖：${day.zodiac}`,
          day.term ? `节气：${day.term}` : null,
          day.festivals.length ? `节日：${day.festivals.join('、')}` : null,
          `年龄（至今日）：周岁 ${age.zhousui}，虚岁 ${age.xusui}`
        ]
          .filter(Boolean)
          .join('\n')
      )
      return 0
    }
  },

  workdays: {
    usage: '<起始日 YYYY-MM-DD> <工作日数>  按法定节假日与调休推算期限',
    run: async (services, args) => {
      const { positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'data-dir': { type: 'string' } }
      })
      const [start, count] = positionals
      if (!start || !count || !/^\d+$/.test(count))
        throw new AppError('VALIDATION', '用法：workdays 2026-09-30 7')
      const result = (await services.calendar.workCalendar()).addWorkingDays(
        resolveDateText(start),
        Number(count)
      )
      console.log(`${start} 起第 ${count} 个工作日：${result.date}`)
      for (const warning of result.warnings) console.log(`注意：${warning.message}`)
      return result.warnings.length ? 1 : 0
    }
  }
}
