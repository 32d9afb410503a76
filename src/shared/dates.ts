const pad = (n: number) => String(n).padStart(2, '0')

/** The workstation's calendar date (local time) as YYYY-MM-DD. */
export const localDate = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** Local time as HH:mm. */
export const localTime = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`

/** Local date and time as YYYY-MM-DD HH:mm:ss, for lists and printouts. */
export const localDateTime = (date: Date) =>
  `${localDate(date)} ${localTime(date)}:${pad(date.getSeconds())}`
