import { z } from 'zod'
import { requiredText, text } from '../ipc/fields'
import { wholeNumber } from '../numbers'

/**
 * A document photo spec as data. All geometry is in pixels of the finished photo, measured from
 * its edges: the table is editable, and a spec whose numbers contradict each other is refused.
 */

const px = z
  .number({ error: '应为数字' })
  .min(0, { error: '不能为负数' })
  .max(10_000, { error: '不能大于 10000' })

export const band = z.strictObject({ min: px.optional(), max: px.optional() })
export type Band = z.output<typeof band>

export const geometryKeys = [
  'faceWidth',
  'headHeight',
  'eyeDistance',
  'hairTop',
  'eyeFromTop',
  'eyeFromBottom',
  'eyeMidFromLeft',
  'chinFromBottom'
] as const
export type GeometryKey = (typeof geometryKeys)[number]

/** Chinese names of the geometry rules, used in every report. */
export const geometryLabels: Record<GeometryKey, string> = {
  faceWidth: '脸宽',
  headHeight: '头高（头顶至下巴）',
  eyeDistance: '两眼间距',
  hairTop: '头顶距上边',
  eyeFromTop: '眼睛距上边',
  eyeFromBottom: '眼睛距底边',
  eyeMidFromLeft: '两眼中点距左边',
  chinFromBottom: '下巴距底边'
}

export const geometry = z.strictObject({
  faceWidth: band.optional(),
  headHeight: band.optional(),
  eyeDistance: band.optional(),
  hairTop: band.optional(),
  eyeFromTop: band.optional(),
  eyeFromBottom: band.optional(),
  eyeMidFromLeft: band.optional(),
  chinFromBottom: band.optional(),
  /** Largest allowed distance of the face centre from the vertical centre line, px. */
  centreTolerance: px.optional(),
  /** When hair top and eye line cannot both hold, keep the eye rules and let tall hair be cut. */
  eyeRuleWins: z.boolean().optional()
})
export type Geometry = z.output<typeof geometry>

const rgb = z.tuple([z.int().min(0).max(255), z.int().min(0).max(255), z.int().min(0).max(255)])

export const photoSpec = z.strictObject({
  id: z
    .string({ error: '应为文本' })
    .min(2)
    .max(40)
    .regex(/^[a-z0-9-]+$/, { error: '编号只能包含小写字母、数字和连字符' })
    .meta({ examples: ['resident-id'] }),
  name: requiredText(40),
  source: text(200),
  widthMm: z
    .number({ error: '应为数字' })
    .positive({ error: '应大于 0' })
    .max(300, { error: '不能大于 300' }),
  heightMm: z
    .number({ error: '应为数字' })
    .positive({ error: '应大于 0' })
    .max(300, { error: '不能大于 300' }),
  widthPx: wholeNumber(50, 4000),
  heightPx: wholeNumber(50, 4000),
  dpi: wholeNumber(72, 1200),
  geometry,
  background: z.strictObject({
    colours: z
      .array(z.strictObject({ name: requiredText(20), rgb }))
      .min(1, { error: '至少一种背景颜色' })
      .max(8),
    /** Largest CIE76 distance from the nearest allowed colour. */
    maxDeltaE: z.number().min(1).max(100)
  }),
  jpeg: z.strictObject({
    quality: z.int().min(1).max(100),
    minBytes: z.int().min(0).max(10_000_000).optional(),
    maxBytes: z.int().min(1).max(10_000_000).optional()
  }),
  note: text(500).optional()
})
export type PhotoSpec = z.output<typeof photoSpec>

export const pxPerMm = (dpi: number) => dpi / 25.4

/** Tolerance, in px, between the pixel size and print size × dpi. */
const SIZE_TOLERANCE_PX = 2

const fmt = (value: number) => String(Math.round(value * 10) / 10)

/**
 * Every reason the spec cannot be met by any photo, in Chinese; empty when it is consistent.
 * Checks only contradictions among its own numbers, not whether a face can match them.
 */
export function specProblems(spec: PhotoSpec): string[] {
  const problems: string[] = []
  const g = spec.geometry
  const W = spec.widthPx
  const H = spec.heightPx

  for (const [side, px, mm] of [
    ['宽', W, spec.widthMm],
    ['高', H, spec.heightMm]
  ] as const) {
    const expected = mm * pxPerMm(spec.dpi)
    if (Math.abs(px - expected) > SIZE_TOLERANCE_PX)
      problems.push(
        `像素${side} ${px} px 与 ${mm} mm × ${spec.dpi} dpi = ${fmt(expected)} px 不符，打印尺寸会错`
      )
  }

  for (const key of geometryKeys) {
    const b = g[key]
    if (!b) continue
    if (b.min === undefined && b.max === undefined)
      problems.push(`${geometryLabels[key]}：至少要有下限或上限`)
    if (b.min !== undefined && b.max !== undefined && b.min > b.max)
      problems.push(`${geometryLabels[key]}：下限 ${b.min} px 大于上限 ${b.max} px`)
  }

  const horizontal: GeometryKey[] = ['faceWidth', 'eyeDistance', 'eyeMidFromLeft']
  const vertical: GeometryKey[] = [
    'headHeight',
    'hairTop',
    'eyeFromTop',
    'eyeFromBottom',
    'chinFromBottom'
  ]
  for (const [keys, limit, side] of [
    [horizontal, W, '宽'],
    [vertical, H, '高']
  ] as const) {
    for (const key of keys) {
      const min = g[key]?.min
      if (min !== undefined && min >= limit)
        problems.push(`${geometryLabels[key]}下限 ${min} px 不小于照片${side} ${limit} px`)
    }
  }

  if (g.eyeDistance?.min !== undefined && g.faceWidth?.max !== undefined)
    if (g.eyeDistance.min >= g.faceWidth.max)
      problems.push(
        `两眼间距下限 ${g.eyeDistance.min} px 不小于脸宽上限 ${g.faceWidth.max} px，眼睛不可能在脸内`
      )

  const stacked = (g.hairTop?.min ?? 0) + (g.headHeight?.min ?? 0) + (g.chinFromBottom?.min ?? 0)
  if (stacked > H)
    problems.push(`头顶距上边 + 头高 + 下巴距底边的下限之和 ${stacked} px 超过照片高 ${H} px`)

  // The eye line must be reachable from both edges at once.
  const eyeLowest = Math.min(g.eyeFromTop?.max ?? H, H - (g.eyeFromBottom?.min ?? 0))
  const eyeHighest = Math.max(g.eyeFromTop?.min ?? 0, H - (g.eyeFromBottom?.max ?? H))
  if (eyeHighest > eyeLowest)
    problems.push(
      `眼睛位置无解：距上边至少 ${fmt(eyeHighest)} px，但距底边的要求使其最多距上边 ${fmt(eyeLowest)} px`
    )
  if (g.hairTop?.min !== undefined && g.hairTop.min >= eyeLowest)
    problems.push(
      `头顶距上边下限 ${g.hairTop.min} px 已低于眼睛允许的最低位置 ${fmt(eyeLowest)} px`
    )

  if (g.eyeMidFromLeft) {
    const { min = 0, max = W } = g.eyeMidFromLeft
    if (max > W) problems.push(`两眼中点距左边上限 ${max} px 超出照片宽 ${W} px`)
    if (g.centreTolerance !== undefined) {
      const lo = W / 2 - g.centreTolerance
      const hi = W / 2 + g.centreTolerance
      if (max < lo || min > hi)
        problems.push(`两眼中点范围 ${min}–${max} px 与"居中"（${fmt(lo)}–${fmt(hi)} px）不相交`)
    }
  }

  const { minBytes, maxBytes } = spec.jpeg
  if (minBytes !== undefined && maxBytes !== undefined && minBytes > maxBytes)
    problems.push(`文件大小下限 ${minBytes} 字节大于上限 ${maxBytes} 字节`)
  // A 24-bit JPEG cannot be far above ~3 bytes per pixel even at quality 100.
  if (minBytes !== undefined && minBytes > W * H * 3)
    problems.push(`文件大小下限 ${minBytes} 字节超过未压缩图像的 ${W * H * 3} 字节`)
  return problems
}
