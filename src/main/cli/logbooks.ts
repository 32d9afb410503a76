import { stationDate } from '../../shared/dates'
import { bookKeys, type BookKey } from '../../shared/logbooks/books'
import { checkIdNumber } from '../../shared/logbooks/id-number'
import { AppError } from '../../shared/errors'
import { UsageError, type Command } from './command'
import { produce } from '../logbooks/handlers'

const option = (args: string[], name: string) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 ? args[index + 1] : undefined
}

export const logbooksCommands: Record<string, Command> = {
  idcheck: {
    usage: '<身份证号>',
    summary: '校验身份证号（有效退出码 0，无效 1）',
    async run(_services, args) {
      const id = args.find((a) => !a.startsWith('--'))
      if (!id) throw new UsageError('请给出身份证号 / give an ID number')
      const result = checkIdNumber(id, { today: stationDate(new Date()) })
      if (result.upgradedFrom) console.log(`18 位号码 / 18-digit: ${result.normalized}`)
      if (!result.valid) {
        console.log(`无效 / invalid: ${result.error!.message}`)
        return 1
      }
      console.log(`有效 / valid: ${result.normalized}`)
      console.log(`性别 / sex: ${result.sex === 'male' ? '男 male' : '女 female'}`)
      console.log(`出生日期 / birth date: ${result.birthDate}`)
      console.log(`地区 / region: ${result.provinceName}（${result.areaCode}）`)
      for (const warning of result.warnings) console.log(`注意 / warning: ${warning}`)
      if (result.manualReview) console.log('需人工核对 / manual review required')
      return 0
    }
  },
  'logbook:export': {
    usage: `--book ${bookKeys.join('|')} --from YYYY-MM-DD --to YYYY-MM-DD --out F.xlsx|F.csv [--as USERNAME]`,
    summary: '导出登记簿（脱敏）为 xlsx 或 csv',
    options: {
      book: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' }
    },
    async run(services, args) {
      const book = option(args, 'book') as BookKey | undefined
      const from = option(args, 'from')
      const to = option(args, 'to')
      const out = option(args, 'out')
      if (!book || !bookKeys.includes(book) || !from || !to || !out) {
        throw new UsageError('请给出 --book、--from、--to 和 --out')
      }
      const day = /^\d{4}-\d{2}-\d{2}$/
      if (!day.test(from) || !day.test(to))
        throw new AppError('VALIDATION', '日期格式应为 YYYY-MM-DD')
      // The export is audited under an operator: the one named, or the first administrator.
      const username = option(args, 'as')
      const operator = username
        ? await services.operators.findByUsername(username)
        : (await services.operators.list()).find((o) => o.role === 'admin' && o.active)
      if (!operator) throw new AppError('NOT_FOUND', '找不到操作员，请先完成初始设置或用 --as 指定')
      const format = out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'
      const done = await produce(
        services,
        operator,
        { book, from, to, full: false },
        { kind: format, file: out }
      )
      console.log(`已导出 / exported ${done.rows} 条 → ${done.path}`)
      return 0
    }
  }
}
