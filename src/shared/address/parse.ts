/** Splits a Chinese address into its parts, and finds what changed between two addresses. */

export interface AddressParts {
  province: string
  city: string
  district: string
  /** 街道 / 镇 / 乡. */
  street: string
  /** Road, lane (胡同/巷/条) or estate (小区/院/里). */
  road: string
  /** House number with its prefix and 号: `甲12号`. */
  number: string
  /** Building, unit and room: `3号楼2单元301室`. */
  building: string
  /** Anything left over. */
  rest: string
}

export const partNames = [
  'province',
  'city',
  'district',
  'street',
  'road',
  'number',
  'building',
  'rest'
] as const
export type PartName = (typeof partNames)[number]

const MUNICIPALITY = /^((?:北京|天津|上海|重庆)市?)/
const PROVINCE = /^(.{2,7}?(?:省|自治区|特别行政区))/
const CITY = /^(.{1,9}?(?:市|自治州|地区|盟))(?!场|区|政|辖)/
const DISTRICT = /^(.{1,7}?(?:新区|矿区|林区|区|县|旗|市))(?![场政])/
/** Beijing's 地区 (旧宫地区, 管庄地区) are street-level, like 街道. */
const STREET = /^(.{1,9}?(?:街道|镇|乡|地区办事处|地区))/
/** A Chinese numeral after a suffix continues the name (东里三街, 二区二条) unless 号 follows. */
const ROAD =
  /^(.*?(?:大街|北街|南街|东街|西街|街|大道|路|胡同|巷|条|里|弄|小区|社区|家园|公寓|村|院|区))(?=[甲乙丙丁东西南北]?\d|[一二三四五六七八九十零〇]+号|$)/
const NUMBER = /^((?:[甲乙丙丁]|[东西南北])?\d+(?:-\d+)?(?:号院|号)?)/
const BUILDING =
  /^(\d+单元(?:\d+(?:室|号|户)?)?|\d+(?:号楼|楼|栋|幢|座)(?:\d+单元)?(?:\d+(?:室|号|户)?)?|\d+(?:室|户)?)/

/** Parses a (normalised: half-width digits, simplified) address; missing parts are ''. */
export function parseAddress(input: string): AddressParts {
  let rest = input.replace(/\s+/g, '')
  const take = (pattern: RegExp): string => {
    const match = pattern.exec(rest)
    if (!match?.[1]) return ''
    rest = rest.slice(match[1].length)
    return match[1]
  }
  const parts: AddressParts = {
    province: '',
    city: '',
    district: '',
    street: '',
    road: '',
    number: '',
    building: '',
    rest: ''
  }
  const municipality = take(MUNICIPALITY)
  if (municipality) {
    parts.province = municipality
    parts.city = municipality
  } else {
    parts.province = take(PROVINCE)
    parts.city = take(CITY)
  }
  parts.district = take(DISTRICT)
  parts.street = take(STREET)
  parts.road = take(ROAD)
  if (parts.road) parts.number = take(NUMBER)
  else if (/^\d/.test(rest) === false) {
    // No road: a bare place name (a division change, 宣武区) stays as the road.
    const numberAt = rest.search(/[甲乙丙丁]?\d/)
    parts.road = numberAt === -1 ? rest : rest.slice(0, numberAt)
    rest = numberAt === -1 ? '' : rest.slice(numberAt)
    parts.number = take(NUMBER)
  }
  parts.building = take(BUILDING)
  parts.rest = rest
  return parts
}

/** The house number's digits with its prefix (`甲12号` → `甲12`), the B-tree key. */
export const numberKey = (number: string): string => number.replace(/号院?$/, '')

export interface Span {
  start: number
  end: number
}

/** The differing middle of two strings (after their common prefix and suffix). */
export function changedSpans(before: string, after: string): { old: Span; new: Span } {
  let prefix = 0
  const max = Math.min(before.length, after.length)
  while (prefix < max && before[prefix] === after[prefix]) prefix += 1
  let suffix = 0
  while (
    suffix < max - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix += 1
  return {
    old: { start: prefix, end: before.length - suffix },
    new: { start: prefix, end: after.length - suffix }
  }
}

/** Which named parts differ between two addresses. */
export function changedParts(before: AddressParts, after: AddressParts): PartName[] {
  return partNames.filter((name) => before[name] !== after[name])
}
