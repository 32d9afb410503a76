/** Follow-up quota: at least N households and N persons per officer per month (editable). */

export interface Quota {
  households: number
  persons: number
}

export const defaultQuota: Quota = { households: 3, persons: 3 }

export interface QuotaProgress {
  households: number
  persons: number
  quota: Quota
  /** 0..1, the smaller of the two ratios. */
  ratio: number
  met: boolean
  /** Not met and the date is in the month's last seven days. */
  behind: boolean
}

export const daysInMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** Whether a YYYY-MM-DD date falls in the last seven days of its month. */
export const inLastWeek = (date: string) =>
  Number(date.slice(8, 10)) > daysInMonth(date.slice(0, 7)) - 7

export function quotaProgress(
  reached: { households: number; persons: number },
  quota: Quota,
  /** Today (YYYY-MM-DD); "behind" only applies when it is in the month being measured. */
  today: string,
  month: string
): QuotaProgress {
  const part = (done: number, need: number) => (need <= 0 ? 1 : Math.min(1, done / need))
  const ratio = Math.min(
    part(reached.households, quota.households),
    part(reached.persons, quota.persons)
  )
  const met = reached.households >= quota.households && reached.persons >= quota.persons
  const behind =
    !met && (today.slice(0, 7) > month || (today.startsWith(month) && inLastWeek(today)))
  return { households: reached.households, persons: reached.persons, quota, ratio, met, behind }
}
