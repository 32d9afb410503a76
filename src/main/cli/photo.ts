import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { perPage, sheetSizes, type SheetSize } from '../../shared/photo/sheet'
import type { PhotoSpec } from '../../shared/photo/spec'
import { allowedBy, parseBackground, rgbHex, type Rgb } from '../../shared/photo/background'
import { processPhoto, type PhotoReport } from '../photo/pipeline'
import { renderSheet } from '../photo/sheet-pdf'
import { UsageError, type Command } from './command'

const IMAGE = /\.(jpe?g|png|webp|tiff?)$/i

interface Outcome {
  input: string
  output: string | null
  report: PhotoReport | null
  error: string | null
}

function printOutcome(o: Outcome) {
  if (!o.report) {
    console.log(`✗ ${o.input}: ${o.error}`)
    return
  }
  const r = o.report
  console.log(
    `${r.ok ? '✓ 合格' : '✗ 不合格'}  ${o.input} → ${o.output}  ${r.specName} ${r.width}×${r.height} ` +
      `${r.dpi.jfif ?? '?'} dpi ${(r.bytes / 1024).toFixed(1)} KB（质量 ${r.quality}）`
  )
  for (const rule of r.rules)
    console.log(`    ${rule.text}${rule.reason ? `  —— ${rule.reason}` : ''}`)
  for (const note of r.notes) console.log(`    注意：${note}`)
}

async function runOne(
  spec: PhotoSpec,
  input: string,
  output: string,
  background: Rgb | null
): Promise<Outcome> {
  try {
    const { jpeg, report } = await processPhoto(readFileSync(input), spec, { background })
    writeFileSync(output, jpeg)
    return { input, output, report, error: null }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return { input, output: null, report: null, error: error.message }
  }
}

export const photoCommands: Record<string, Command> = {
  photo: {
    usage:
      '--spec resident-id IN OUT [--background white|blue|red|#RRGGBB] [--json] [--sheet 6inch|A4] [--copies N] [--gap MM]',
    summary: '按规格裁切证件照并逐条检查（IN/OUT 可为文件夹；全部合格时退出码为 0）',
    options: {
      spec: { type: 'string' },
      background: { type: 'string' },
      json: { type: 'boolean' },
      sheet: { type: 'string' },
      copies: { type: 'string' },
      gap: { type: 'string' }
    },
    run: async (services, args) => {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          spec: { type: 'string', default: 'resident-id' },
          background: { type: 'string' },
          json: { type: 'boolean', default: false },
          sheet: { type: 'string' },
          copies: { type: 'string' },
          gap: { type: 'string' },
          'data-dir': { type: 'string' }
        }
      })
      const [input, output] = positionals
      if (!input || !output)
        throw new UsageError(
          '请给出输入和输出：photo --spec 规格 输入文件或文件夹 输出文件或文件夹'
        )
      if (values.sheet !== undefined && !(values.sheet in sheetSizes))
        throw new AppError('VALIDATION', `相纸只能是 ${Object.keys(sheetSizes).join('、')}`)
      const spec = await services.photoSpecs.get(values.spec)
      const background =
        values.background === undefined ? null : parseBackground(values.background, spec)
      if (values.background !== undefined && !background)
        throw new AppError(
          'VALIDATION',
          `背景颜色 ${values.background} 无法识别：可用 white、blue、red 或 #RRGGBB`
        )
      if (background && !allowedBy(spec, background) && !values.json)
        console.log(
          `注意：${rgbHex(background)} 不是${spec.name}允许的背景（${spec.background.colours.map((c) => c.name).join('、')}），背景检查会按最接近的允许颜色判断`
        )

      if (!existsSync(input)) throw new AppError('NOT_FOUND', `找不到输入文件或文件夹：${input}`)
      const jobs: [string, string][] = statSync(input).isDirectory()
        ? (mkdirSync(output, { recursive: true }),
          readdirSync(input)
            .filter((name) => IMAGE.test(name))
            .sort()
            .map((name) => [
              join(input, name),
              join(output, `${basename(name, extname(name))}.jpg`)
            ]))
        : [[input, output]]
      if (!jobs.length) throw new AppError('VALIDATION', `文件夹 ${input} 里没有图像文件`)

      const outcomes: Outcome[] = []
      for (const [from, to] of jobs) {
        const outcome = await runOne(spec, from, to, background)
        outcomes.push(outcome)
        if (!values.json) printOutcome(outcome)
      }

      let sheetFile: string | null = null
      if (values.sheet !== undefined) {
        const size = values.sheet as SheetSize
        const gapMm = values.gap === undefined ? undefined : Number(values.gap)
        const made = outcomes.filter((o) => o.report)
        const copies =
          values.copies !== undefined
            ? Number(values.copies)
            : made.length === 1
              ? perPage(spec.widthMm, spec.heightMm, {
                  size,
                  ...(gapMm === undefined ? {} : { gapMm })
                })
              : 1
        const { pdf, layout } = await renderSheet(
          made.map((o) => ({
            jpeg: readFileSync(o.output!),
            widthMm: spec.widthMm,
            heightMm: spec.heightMm,
            copies
          })),
          { size, title: `${spec.name} 照片`, ...(gapMm === undefined ? {} : { gapMm }) }
        )
        sheetFile = statSync(output).isDirectory()
          ? join(output, `sheet-${size}.pdf`)
          : `${output.replace(/\.[^./]+$/, '')}-${size}.pdf`
        writeFileSync(sheetFile, pdf)
        if (!values.json)
          console.log(
            `相纸 ${sheetSizes[size].label}：${layout.slots.length} 张，${layout.pages} 页 → ${sheetFile}`
          )
      }
      if (values.json)
        console.log(
          JSON.stringify(
            {
              spec: spec.id,
              results: outcomes.map(({ input: i, output: o, report, error }) => ({
                input: i,
                output: o,
                error,
                report
              })),
              sheet: sheetFile
            },
            null,
            2
          )
        )
      return outcomes.every((o) => o.report?.ok) ? 0 : 1
    }
  }
}
