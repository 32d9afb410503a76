import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { countDataRows, fileBatches, guessMapping, parseMappingArg } from '../address/import'
import { UsageError, type Command } from './command'

const USAGE = `import FILE.csv|xlsx [--mapping old=旧地址,new=新地址,effective=…,source=…,note=…] | search "ytbj" [--json] [--limit 10] | sample:remove`

async function headerOf(file: string): Promise<string[]> {
  for await (const batch of fileBatches(file, 1)) return batch[0] ?? []
  return []
}

export const addressCommands: Record<string, Command> = {
  address: {
    usage: USAGE,
    summary: '新旧地址对照：导入对照表、按汉字或拼音首字母查询、删除示例数据',
    options: { mapping: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
    examples: ['search ytbj --json', 'import pairs.csv'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          mapping: { type: 'string' },
          json: { type: 'boolean', default: false },
          limit: { type: 'string', default: '10' },
          'data-dir': { type: 'string' }
        }
      })
      const [sub, argument] = positionals
      if (sub === 'search' && argument !== undefined) {
        const hits = services.address.search(argument, Math.min(50, Number(values.limit) || 10))
        if (values.json) console.log(JSON.stringify(hits, null, 2))
        else
          for (const hit of hits) {
            const path =
              hit.chain.length > 1
                ? `  链 / chain: ${hit.chain
                    .map((s) => s.oldText)
                    .concat(hit.chain.at(-1)!.newText)
                    .join(' → ')}`
                : ''
            console.log(
              `${hit.score.toFixed(3)}  ${hit.oldText} → ${hit.newText}  ${hit.effective ?? ''}  ${hit.source ?? ''}${hit.origin === 'sample' ? '  [示例数据]' : ''}${path}`
            )
          }
        return 0
      }
      if (sub === 'import' && argument) {
        const header = await headerOf(argument)
        const mapping = values.mapping
          ? parseMappingArg(values.mapping, header)
          : guessMapping(header)
        if (!mapping)
          throw new AppError(
            'VALIDATION',
            `无法识别列，请用 --mapping 指定。表头：${header.join(', ')}`
          )
        const started = Date.now()
        const total = await countDataRows(argument)
        const { job, finished } = services.address.startImport(
          argument,
          fileBatches(argument),
          mapping,
          total,
          null
        )
        const timer = setInterval(() => {
          const s = services.address.importStatus(job.id)
          const percent = s.total
            ? ` (${Math.min(100, Math.floor((s.processed / s.total) * 100))}%)`
            : ''
          process.stderr.write(`\r已处理 / processed ${s.processed} / ${s.total}${percent}`)
        }, 1000)
        const cancel = () => services.address.cancelImport(job.id)
        process.once('SIGINT', cancel)
        await finished
        clearInterval(timer)
        process.off('SIGINT', cancel)
        const done = services.address.importStatus(job.id)
        for (const error of done.errors)
          console.log(`第 ${error.line} 行 / line ${error.line}: ${error.reason}`)
        console.log(
          `${done.state === 'done' ? '导入完成' : (done.message ?? '导入未完成')} / ${done.state}: imported ${done.imported}, duplicates ${done.duplicates}, rows with errors ${done.processed - done.imported}, ${Date.now() - started} ms`
        )
        return done.state === 'done' ? 0 : 1
      }
      if (sub === 'sample:remove') {
        console.log(`已删除示例数据 / sample rows removed: ${services.address.removeSample(null)}`)
        return 0
      }
      throw new UsageError('请给出子命令 import、search 或 sample:remove')
    }
  }
}
