/** Phone numbers: mainland mobiles (13-digit IoT numbers refused) and fixed lines. */

export const MOBILE_RE = /^(?:\+?86)?1[3-9]\d{9}$/
/** 0 + 2–3-digit area code + 7–8-digit number, an optional hyphen between. */
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}$/

export interface PhoneCheck {
  valid: boolean
  kind: 'mobile' | 'landline' | null
  /** Mobile: the 11 digits; landline: area code, hyphen, number. */
  normalized: string | null
  error: string | null
}

/** Spaces, dots and full-width digits are tidied; brackets around an area code are accepted. */
function tidy(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/[\s.]/g, '')
    .replace(/^\((0\d{2,3})\)/, '$1-')
}

export function checkPhone(raw: string, options: { allowLandline?: boolean } = {}): PhoneCheck {
  const allowLandline = options.allowLandline ?? true
  const value = tidy(raw)
  const bad = (error: string): PhoneCheck => ({ valid: false, kind: null, normalized: null, error })
  if (!value) return bad('请输入电话号码')
  const mobile = value.replace(/-/g, '')
  if (MOBILE_RE.test(mobile)) {
    return { valid: true, kind: 'mobile', normalized: mobile.slice(-11), error: null }
  }
  if (allowLandline && LANDLINE_RE.test(value)) {
    const digits = value.replace('-', '')
    const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4
    const number = digits.slice(areaLength)
    if (number.length >= 7) {
      return {
        valid: true,
        kind: 'landline',
        normalized: `${digits.slice(0, areaLength)}-${number}`,
        error: null
      }
    }
  }
  if (/^(?:\+?86)?1\d{12}$/.test(mobile)) return bad('13 位物联网号码不能作为联系电话')
  if (/^\+?\d+$/.test(mobile) && mobile.replace('+', '').startsWith('1')) {
    return bad('手机号码应为 1 开头的 11 位数字，第二位为 3–9')
  }
  return bad(
    allowLandline
      ? '电话号码格式不正确：手机 11 位，固话为区号（0 开头 3–4 位）加 7–8 位号码'
      : '手机号码应为 1 开头的 11 位数字，第二位为 3–9'
  )
}
