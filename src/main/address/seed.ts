import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCsv } from './csv'
import type { ChangeInput } from './rows'

/** The shipped administrative changes and the sample station table (see resources/address/PROVENANCE.md). */

const AREACODES = 'areacodes（民政部行政区划代码）'
const KINDS: Record<string, string> = {
  abolished_or_renamed: '撤销或更名',
  split: '拆分',
  territory_transfer: '部分区域划出'
}
/** Approval documents the data README names; other county rows cite the code lists only. */
const KNOWN_DOCUMENTS: Record<string, string> = {
  '2010:北京市:崇文区': '国函〔2010〕55号',
  '2010:北京市:宣武区': '国函〔2010〕55号'
}

function records(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
  return rows
    .filter((cells) => cells.some((c) => c.trim()))
    .map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]?.trim() ?? ''])))
}

const qualified = (province: string, parent: string, name: string) =>
  name === province
    ? name
    : province + (parent && parent !== '直辖' && parent !== name ? parent : '') + name

export function countyChanges(dir: string): ChangeInput[] {
  return records(join(dir, 'division_changes_county_1981_2024.csv')).map((r) => ({
    level: 'county',
    oldText: qualified(r.province!, r.old_parent!, r.old_name!),
    newText: qualified(r.province!, r.new_parent!, r.new_name!),
    oldKey: `code:${r.old_code}`,
    newKey: `code:${r.new_code}`,
    oldRoad: r.old_name!,
    newRoad: r.new_name!,
    effective: r.year!,
    source: KNOWN_DOCUMENTS[`${r.year}:${r.province}:${r.old_name}`] ?? AREACODES,
    note: `${KINDS[r.kind!] ?? r.kind}（${r.old_code} → ${r.new_code}）`
  }))
}

export function subcountyChanges(dir: string): ChangeInput[] {
  return records(join(dir, 'division_changes_subcounty_2014_2023.csv'))
    .filter((r) => r.old_name && r.new_name)
    .map((r) => ({
      level: 'subcounty',
      oldText: r.old_name!,
      newText: r.new_name!,
      oldKey: r.old_code ? `code:${r.old_code}` : `name:${r.province}:${r.old_name}`,
      newKey: r.new_code ? `code:${r.new_code}` : `name:${r.province}:${r.new_name}`,
      oldRoad: r.old_name!,
      newRoad: r.new_name!,
      effective: r.year!,
      source: r.approval_doc || AREACODES,
      note: `${r.province} · ${r.reason}`
    }))
}

export function beijingStreetRecode(dir: string): ChangeInput[] {
  return records(join(dir, 'beijing_2010_street_recode.csv')).map((r) => ({
    level: 'subcounty',
    oldText: `北京市${r.old_district}${r.old_street_name}`,
    newText: `北京市${r.new_district}${r.new_street_name}`,
    oldRoad: r.old_street_name!,
    newRoad: r.new_street_name!,
    effective: '2010',
    source: '国函〔2010〕55号',
    note: `崇文区、宣武区撤销，街道划入${r.new_district}（新代码 ${r.new_street_code}）`
  }))
}

export const seedChanges = (dir: string): ChangeInput[] => [
  ...countyChanges(dir),
  ...subcountyChanges(dir),
  ...beijingStreetRecode(dir)
]

/** 示例数据: street- and house-level pairs with 月坛街道's real names; invented changes. */
export function sampleChanges(dir: string): ChangeInput[] {
  return records(join(dir, 'sample_station_yuetan.csv')).map((r) => ({
    oldText: r['旧地址']!,
    newText: r['新地址']!,
    effective: r['生效日期'] || null,
    source: r['依据'] || null,
    note: r['备注'] || '示例数据'
  }))
}
