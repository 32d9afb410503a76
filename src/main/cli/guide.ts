import { copyFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { businessCode, paperSize } from '../../shared/guide/contract'
import { UsageError, type Command } from './command'

/** npm runs scripts in the package folder; paths are the caller's, from where npm was started. */
const fromCaller = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path)

const USAGE = [
  'search <词语|拼音首字母|材料>',
  'checklist <业务代码> --out F.pdf [--size A4|A5] [--condition 情形 …]',
  'voice [--out F.txt]'
].join(' | ')

/** `guide search 出生`, `guide checklist HK-OUT --out checklist.pdf`, `guide voice`. */
export const guideCommands: Record<string, Command> = {
  guide: {
    usage: USAGE,
    summary: '办事指南：查询、打印材料清单、电话语音菜单（示例内容，须以当地指南核对）',
    options: {
      out: { type: 'string' },
      size: { type: 'string' },
      condition: { type: 'string', multiple: true }
    },
    examples: ['search 出生', 'checklist HK-OUT --out checklist.pdf'],
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          size: { type: 'string', default: 'A4' },
          condition: { type: 'string', multiple: true, default: [] },
          'data-dir': { type: 'string' }
        }
      })
      const [action, ...rest] = positionals
      if (action === 'search') {
        const hits = await services.guide.search(rest.join(' '))
        if (!hits.length) console.log('没有找到 / no match')
        for (const hit of hits) {
          const via = hit.snippet ? `  ← ${hit.snippet}` : ''
          console.log(`${hit.code.padEnd(14)}${hit.categoryName} / ${hit.name}${via}`)
        }
        return 0
      }
      if (action === 'checklist') {
        const code = businessCode.safeParse(rest[0])
        const size = paperSize.safeParse(values.size)
        if (!rest[0] || !values.out) throw new UsageError('请给出业务代码和 --out 文件')
        if (!code.success || !size.success) {
          throw new AppError(
            'VALIDATION',
            !code.success ? `找不到业务“${rest[0].slice(0, 40)}”` : '纸张只能是 A4 或 A5'
          )
        }
        const result = await services.guide.checklist(
          { code: code.data, conditions: values.condition ?? [], size: size.data, open: false },
          null
        )
        const out = fromCaller(values.out)
        copyFileSync(result.path, out)
        console.log(result.text)
        console.log(`\n已生成 / written: ${out} (${result.pages} 页 / page)`)
        return 0
      }
      if (action === 'voice') {
        const { text, path } = await services.guide.voiceScript(Boolean(values.out), null)
        if (values.out && path) copyFileSync(path, fromCaller(values.out))
        console.log(text)
        return 0
      }
      throw new UsageError('请给出子命令 search、checklist 或 voice')
    }
  }
}
