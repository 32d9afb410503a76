/** Ticket numbers, the words of a call and the slip. No names or ID numbers anywhere. */

export const formatNumber = (prefix: string, seq: number) =>
  `${prefix}${String(seq).padStart(seq > 999 ? 4 : 3, '0')}`

const DIGITS = '零一二三四五六七八九'

/** A window number as it is read: 3 → 三, 10 → 十, 12 → 十二, 21 → 二十一. */
export function readNumber(n: number): string {
  if (n < 10) return DIGITS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones ? DIGITS[ones]! : ''}`
}

/** A ticket number spelled digit by digit: A001 → A零零一. */
export const spellTicket = (number: string) =>
  number.replace(/\d/g, (digit) => DIGITS[Number(digit)]!)

/** What the display shows. */
export const callText = (number: string, windowNumber: number) =>
  `请${number}号到${windowNumber}号窗口办理`

/** What is said (twice), digits spelled so no voice reads 001 as “一”. */
export const spokenCall = (number: string, windowNumber: number, recall = false) =>
  `${recall ? '重呼，' : ''}请${spellTicket(number)}号到${readNumber(windowNumber)}号窗口办理`

export function slipLines(slip: {
  stationName: string
  number: string
  serviceName: string
  priority: boolean
  ahead: number
  issuedAt: string
}): string[] {
  return [
    slip.stationName,
    slip.number,
    `${slip.serviceName}${slip.priority ? '（优先）' : ''}`,
    `您前面还有 ${slip.ahead} 人，请在休息区等候，过号请重新取号`,
    `取号时间 ${slip.issuedAt}`
  ]
}
