import { stationDate } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { dayRemark } from '../staff/attendance-output'
import { produceAttendance } from '../staff/handlers'
import type { Services } from '../services'
import type { Command } from './command'

const option = (args: string[], name: string) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : undefined
}

const monthOf = (args: string[]) => {
  const month = option(args, 'month') ?? stationDate(new Date()).slice(0, 7)
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new AppError('VALIDATION', '月份格式应为 YYYY-MM / month as YYYY-MM')
  }
  return month
}

/** A written sheet is audited under the active operator named with --as (never guessed). */
async function operatorOf(services: Services, args: string[]) {
  const username = option(args, 'as')
  if (!username) {
    throw new AppError(
      'VALIDATION',
      '写出文件须用 --as 指定操作员 / --as USERNAME is required with --out'
    )
  }
  const operator = await services.operators.findByUsername(username)
  if (!operator) throw new AppError('NOT_FOUND', `找不到操作员 ${username}`)
  if (!operator.active) throw new AppError('FORBIDDEN', `操作员 ${username} 已停用`)
  return operator
}

export const staffCommands: Record<string, Command> = {
  'attendance:sheet': {
    usage: '--month YYYY-MM [--out F.pdf|F.xlsx|F.csv --as USERNAME]',
    summary: '月度考勤表（屏幕或写出文件）',
    options: { month: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } },
    async run(services, args) {
      const month = monthOf(args)
      const out = option(args, 'out')
      if (out) {
        const format = /\.(pdf|xlsx|csv)$/i.exec(out)?.[1]?.toLowerCase() as
          'pdf' | 'xlsx' | 'csv' | undefined
        if (!format) throw new AppError('VALIDATION', '输出文件应为 .pdf、.xlsx 或 .csv')
        const operator = await operatorOf(services, args)
        const done = await produceAttendance(services, month, format, operator.id, out)
        console.log(`已写出 / written ${done.rows} 名民警 → ${done.path}`)
        return 0
      }
      const rows = await services.staff.attendanceSheet(month)
      const { start, end } = services.staff.config().officeHours
      console.log(`${month} 考勤表 / attendance (${start}–${end})`)
      console.log('民警 officer\t应出勤 working\t出勤 present\t迟到 late\t早退 early\t缺勤 absent')
      for (const r of rows) {
        console.log(
          [r.officerName, r.workingDays, r.daysPresent, r.late, r.earlyLeave, r.absent].join('\t')
        )
        for (const d of r.days.filter((d) => d.late || d.early || d.absent)) {
          console.log(`  ${d.date} ${d.firstIn ?? '--'} ${d.lastOut ?? '--'} ${dayRemark(d)}`)
        }
      }
      return 0
    }
  },
  awards: {
    usage: '--month YYYY-MM [--json]',
    summary: '月度评比表与建议',
    options: { month: { type: 'string' }, json: { type: 'boolean' } },
    async run(services, args) {
      const table = await services.staff.awards(monthOf(args))
      if (args.includes('--json')) {
        console.log(JSON.stringify(table, null, 2))
        return 0
      }
      const name = (id: string | null) =>
        table.rows.find((r) => r.officerId === id)?.officerName ?? '—'
      console.log(`${table.month} 月度评比 / monthly awards`)
      console.log('名次\t民警\t登记\t到期/按时\t按时率\t定额\t满意度\t有责投诉\t得分')
      for (const r of table.rows) {
        console.log(
          [
            r.rank,
            r.officerName,
            r.entries,
            `${r.dueEntries}/${r.onTime}`,
            `${r.onTimeRate.toFixed(1)}%`,
            r.quotaMet ? '完成' : '未完成',
            r.satisfaction === null ? '—' : r.satisfaction.toFixed(2),
            r.complaintsUpheld,
            r.score.toFixed(2)
          ].join('\t')
        )
      }
      console.log(
        `建议 / suggested: 最佳 ${name(table.suggestion.best)}；优质 ${table.suggestion.excellent.map(name).join('、') || '—'}`
      )
      const c = table.confirmation
      console.log(
        c
          ? `所长确认 / confirmed: 最佳 ${name(c.bestId)}；优质 ${c.excellentIds.map(name).join('、')}（${c.confirmedByName}）`
          : '所长尚未确认 / not confirmed yet'
      )
      return 0
    }
  }
}
