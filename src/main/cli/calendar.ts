import { parseArgs } from 'node:util'
import {
  MAX_DATE,
  MIN_DATE,
  ageOn,
  daysToIso,
  describeDay,
  lunarToSolar,
  resolveDateText,
  toDays,
  type DayDescription
} from '../../shared/calendar'
import { stationDate } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { UsageError, type Command } from './command'

const ISO_DAY = /^\d{4}-\d{1,2}-\d{1,2}$/

/** One day as one JSON line: the same facts the converter shows. */
export const dayRecord = (day: DayDescription) => ({
  date: day.solar,
  lunarYear: day.lunar.year,
  month: day.lunar.month,
  leap: day.lunar.leap,
  day: day.lunar.day,
  ganzhi: day.ganzhi,
  zodiac: day.zodiac,
  term: day.term,
  festivals: day.festivals
})

function printDay(day: DayDescription, today: string, json: boolean) {
  const age = ageOn(day.solar, today)
  if (json) {
    console.log(JSON.stringify({ ...day, age }, null, 2))
    return
  }
  console.log(
    [
      `公历：${day.solar} ${day.weekday}`,
      `农历：${day.lunarText}`,
      `干支：${day.ganzhi.year}年 ${day.ganzhi.month}月 ${day.ganzhi.day}日，生肖：${day.zodiac}`,
      day.term ? `节气：${day.term}` : null,
      day.festivals.length ? `节日：${day.festivals.join('、')}` : null,
      age
        ? `年龄（至今日）：周岁 ${age.zhousui}，虚岁 ${age.xusui}`
        : '年龄：尚未出生（日期在今天之后）'
    ]
      .filter(Boolean)
      .join('\n')
  )
}

/** A Gregorian day inside the supported range, or a refusal naming the range. */
function gregorianDay(text: string, what: string): number {
  if (!ISO_DAY.test(text)) throw new AppError('VALIDATION', `${what}应为 YYYY-MM-DD：${text}`)
  const iso = resolveDateText(text)
  const days = toDays(iso)
  if (iso < MIN_DATE || iso > MAX_DATE) {
    throw new AppError('VALIDATION', `${what}超出支持范围（公历${MIN_DATE}至${MAX_DATE}）：${text}`)
  }
  return days
}

/** Writes to stdout, waiting while a pipe is full (the process may exit right after). */
const writeOut = (text: string) =>
  new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()))
  )

/** Every day from..to, one JSON object (or one tab-separated row) a line, written in chunks. */
async function printRange(from: string, to: string, json: boolean) {
  const first = gregorianDay(from, '起始日')
  const last = gregorianDay(to, '结束日')
  if (last < first) throw new AppError('VALIDATION', `结束日 ${to} 早于起始日 ${from}`)
  let chunk: string[] = []
  const flush = async () => {
    if (chunk.length) await writeOut(chunk.join('\n') + '\n')
    chunk = []
  }
  if (!json) chunk.push('公历\t农历\t干支\t生肖\t节气\t节日')
  for (let days = first; days <= last; days++) {
    const day = describeDay(daysToIso(days))
    chunk.push(
      json
        ? JSON.stringify(dayRecord(day))
        : [
            day.solar,
            day.lunarText,
            `${day.ganzhi.year}年${day.ganzhi.month}月${day.ganzhi.day}日`,
            day.zodiac,
            day.term ?? '',
            day.festivals.join('、')
          ].join('\t')
    )
    if (chunk.length >= 2000) await flush()
  }
  await flush()
}

const positiveInteger = (text: string | undefined, what: string) => {
  if (text === undefined || !/^-?\d{1,6}$/.test(text))
    throw new UsageError(`${what}应为整数：${text ?? '（缺少）'}`)
  return Number(text)
}

export const calendarCommands: Record<string, Command> = {
  lunar: {
    usage:
      '<YYYY-MM-DD | 农历如 1987年闰六月初三> [--json] | --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
    summary: '公历农历互查、干支、生肖、节气、年龄；--from/--to 逐日列出（--json 每行一个对象）',
    options: {
      json: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' }
    },
    examples: ['1987年闰六月初三', '2033-12-22 --json', '--from 1901-01-01 --to 2100-12-31 --json'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false },
          from: { type: 'string' },
          to: { type: 'string' },
          'data-dir': { type: 'string' }
        }
      })
      if (values.from !== undefined || values.to !== undefined) {
        if (values.from === undefined || values.to === undefined || positionals.length)
          throw new UsageError('--from 与 --to 须同时给出，且不再给单个日期')
        await printRange(values.from, values.to, values.json)
        return 0
      }
      const text = positionals.join('')
      if (!text) throw new UsageError('请给出日期，例如 1987-07-28 或 1987年闰六月初三')
      printDay(describeDay(resolveDateText(text)), stationDate(services.now()), values.json)
      return 0
    }
  },

  solar: {
    usage: '<农历年> <月> <日> [--leap] [--json]',
    summary: '农历日期（--leap 为闰月）查公历',
    options: { leap: { type: 'boolean' }, json: { type: 'boolean' } },
    examples: ['1987 6 3 --leap'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          leap: { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          'data-dir': { type: 'string' }
        }
      })
      if (positionals.length !== 3)
        throw new UsageError('请给出农历年、月、日三个数，例如 1987 6 3')
      const [year, month, day] = positionals.map((text, index) =>
        positiveInteger(text, ['年', '月', '日'][index]!)
      ) as [number, number, number]
      const solar = lunarToSolar({ year, month, day, leap: values.leap })
      printDay(describeDay(solar), stationDate(services.now()), values.json)
      return 0
    }
  },

  workdays: {
    usage: '--from YYYY-MM-DD --add N  |  <起始日 YYYY-MM-DD> <工作日数>',
    summary: '按法定节假日与调休推算第 N 个工作日（起始日不计）',
    options: { from: { type: 'string' }, add: { type: 'string' } },
    examples: ['--from 2026-09-30 --add 7'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          from: { type: 'string' },
          add: { type: 'string' },
          'data-dir': { type: 'string' }
        }
      })
      const start = values.from ?? positionals[0]
      const count = values.add ?? positionals[values.from === undefined ? 1 : 0]
      if (start === undefined || count === undefined)
        throw new UsageError('请给出起始日和工作日数，例如 --from 2026-09-30 --add 7')
      const n = positiveInteger(count, '工作日数')
      gregorianDay(start, '起始日')
      const result = (await services.calendar.workCalendar()).addWorkingDays(
        resolveDateText(start),
        n
      )
      console.log(`${resolveDateText(start)} 起第 ${n} 个工作日：${result.date}`)
      for (const warning of result.warnings) console.log(`注意：${warning.message}`)
      return result.warnings.length ? 1 : 0
    }
  }
}
