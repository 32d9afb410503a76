/** Masking for screens and printouts that others see. */

/** 110105********002X: area code and the last four kept. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

/** 张*三, 张*, 买****力: first and last character kept (by code point). */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** 138****5678; 010-****5678 (area code kept). */
export function maskPhone(phone: string): string {
  const [area, number] = phone.includes('-') ? phone.split('-', 2) : ['', phone]
  const masked =
    number!.length <= 4
      ? '*'.repeat(number!.length)
      : number!.length >= 11
        ? number!.slice(0, 3) + '*'.repeat(number!.length - 7) + number!.slice(-4)
        : '*'.repeat(number!.length - 4) + number!.slice(-4)
  return area ? `${area}-${masked}` : masked
}
