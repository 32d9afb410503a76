/**
 * Resident ID numbers (GB 11643-1999): 6-digit area code, YYYYMMDD, 3-digit sequence (odd = male),
 * check character. 15-digit numbers (before 1999) are upgraded by inserting "19" and appending the
 * check character. Pure: the caller passes today's date and, if it has one, an area-code table.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区'
}

/** Residence permits for Hong Kong, Macao and Taiwan residents use these whole area codes. */
const PERMIT_AREAS: Record<string, string> = {
  '810000': '港澳居民居住证（香港）',
  '820000': '港澳居民居住证（澳门）',
  '830000': '台湾居民居住证'
}

export type IdErrorCode = 'EMPTY' | 'FORMAT' | 'PROVINCE' | 'DATE' | 'FUTURE' | 'CHECK'

export interface IdCheckResult {
  valid: boolean
  /** The 18-digit form (upper-case X; upgraded from 15 digits) when the format allows one. */
  normalized: string | null
  /** Set when the input was a 15-digit number. */
  upgradedFrom: string | null
  error: { code: IdErrorCode; message: string } | null
  warnings: string[]
  /** Sequence 996–999 in a 15-digit number: may be a centenarian born in the 1800s. */
  manualReview: boolean
  sex: 'male' | 'female' | null
  birthDate: string | null
  areaCode: string | null
  provinceName: string | null
  /** From the caller's area table; null when unknown or no table was given. */
  areaName: string | null
}

export interface IdCheckOptions {
  /** Today's local date, YYYY-MM-DD: birth dates after it are refused. */
  today: string
  /** Area-code lookup (6 digits → name); an unknown code is a warning, never an error. */
  areaName?: (code: string) => string | undefined
}

export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** 15 → 18 digits: "19" after the area code, then the check character. */
export function upgradeId15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`
  return first17 + checkCharacter(first17)
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= lengths[month - 1]!
}

export function checkIdNumber(raw: string, options: IdCheckOptions): IdCheckResult {
  const input = raw.trim().replace(/\s+/g, '').toUpperCase()
  const result: IdCheckResult = {
    valid: false,
    normalized: null,
    upgradedFrom: null,
    error: null,
    warnings: [],
    manualReview: false,
    sex: null,
    birthDate: null,
    areaCode: null,
    provinceName: null,
    areaName: null
  }
  const fail = (code: IdErrorCode, message: string) => {
    result.error = { code, message }
    return result
  }
  if (!input) return fail('EMPTY', '请输入身份证号码')

  let id18: string
  if (/^\d{15}$/.test(input)) {
    id18 = upgradeId15(input)
    result.upgradedFrom = input
    const sequence = Number(input.slice(12, 15))
    if (sequence >= 996) {
      result.manualReview = true
      result.warnings.push(
        `顺序码 ${input.slice(12, 15)} 为百岁老人专用码，出生年份可能为 18xx 年，请人工核对`
      )
    }
  } else if (/^\d{17}[\dX]$/.test(input)) {
    id18 = input
  } else if (/^\d+X?$/.test(input)) {
    return fail('FORMAT', `身份证号码应为 18 位（或旧版 15 位），当前为 ${input.length} 位`)
  } else {
    return fail('FORMAT', '身份证号码只能由数字组成，最后一位可以是 X')
  }
  result.normalized = id18

  const area = id18.slice(0, 6)
  const province = area === '830000' ? PROVINCES['71'] : PROVINCES[id18.slice(0, 2)]
  if (!province) {
    return fail('PROVINCE', `前两位 ${id18.slice(0, 2)} 不是有效的省级行政区代码`)
  }
  result.areaCode = area
  result.provinceName = province
  const permit = PERMIT_AREAS[area]
  const known = permit ?? options.areaName?.(area)
  if (known) result.areaName = known
  else if (options.areaName) {
    result.warnings.push(`地区代码 ${area} 不在本机代码表中（可能已撤销或变更），请核对`)
  }

  const year = Number(id18.slice(6, 10))
  const month = Number(id18.slice(10, 12))
  const day = Number(id18.slice(12, 14))
  if (year < 1800 || !isRealDate(year, month, day)) {
    return fail('DATE', `出生日期 ${id18.slice(6, 14)} 不是有效日期`)
  }
  const birthDate = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`
  if (birthDate > options.today) return fail('FUTURE', `出生日期 ${birthDate} 晚于今天`)
  result.birthDate = birthDate
  result.sex = Number(id18[16]) % 2 === 1 ? 'male' : 'female'

  if (result.upgradedFrom === null) {
    const expected = checkCharacter(id18.slice(0, 17))
    if (expected !== id18[17]) {
      return fail('CHECK', `校验位应为 ${expected}，实为 ${id18[17]}，号码可能录错`)
    }
  }
  result.valid = true
  return result
}
