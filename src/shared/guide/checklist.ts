import type { GuideBusiness, OfficeInfo } from './contract'
import { SAMPLE_NOTICE } from './menu'

/** What a resident takes home: pure, so the PDF, the QR code and the tests share one text. */

export interface Checklist {
  title: string
  business: string
  /** Required materials first, then those for the ticked conditions. */
  materials: string[]
  conditions: string[]
  /** Conditional materials not ticked: only mentioned, not listed. */
  otherConditions: number
  limits: { label: string; value: string }[]
  office: { label: string; value: string }[]
  date: string
  sample: boolean
  sampleNotice: string
}

export function conditionsOf(materials: GuideBusiness['materials']): string[] {
  return [
    ...new Set(materials.flatMap((m) => (!m.required && m.condition ? [m.condition.trim()] : [])))
  ]
}

export function composeChecklist(
  business: GuideBusiness,
  ticked: string[],
  office: OfficeInfo & { stationName: string },
  date: string
): Checklist {
  const chosen = new Set(ticked)
  const materials = business.materials.flatMap((m) => {
    if (m.required) return [m.item]
    if (m.condition && chosen.has(m.condition.trim())) return [`${m.item}（${m.condition.trim()}）`]
    return []
  })
  const conditions = conditionsOf(business.materials)
  const limits = [
    { label: '法定时限', value: business.statutoryLimit },
    { label: '承诺时限', value: business.promisedTime },
    { label: '有效期', value: business.validity },
    { label: '收费', value: business.fee }
  ].filter((line) => line.value.trim())
  return {
    title: '办事材料清单',
    business: business.name,
    materials,
    conditions: conditions.filter((c) => chosen.has(c)),
    otherConditions: conditions.filter((c) => !chosen.has(c)).length,
    limits,
    office: [
      {
        label: '办理地点',
        value: [office.stationName, business.counter].filter(Boolean).join(' ')
      },
      { label: '办公时间', value: office.hours },
      { label: '咨询电话', value: office.phones || '（未设置）' },
      { label: '地址', value: office.address || '（未设置）' }
    ],
    date,
    sample: business.sample,
    sampleNotice: SAMPLE_NOTICE
  }
}

/** The checklist as plain text: what the QR code carries. */
export function checklistText(list: Checklist): string {
  return [
    `${list.title}：${list.business}`,
    ...(list.sample ? [`（${list.sampleNotice}）`] : []),
    ...(list.conditions.length ? [`情形：${list.conditions.join('、')}`] : []),
    '请携带：',
    ...list.materials.map((item, index) => `${index + 1}. ${item}`),
    ...list.limits.map((line) => `${line.label}：${line.value}`),
    ...list.office.map((line) => `${line.label}：${line.value}`),
    `日期：${list.date}`
  ].join('\n')
}
