export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_LUNAR_DATE'
  | 'NO_SUCH_LEAP_MONTH'
  | 'OUT_OF_RANGE'
  | 'PARSE_ERROR'
  | 'INVALID_ARGUMENT'

/** Typed calendar error; `message` is Chinese and meant for display to the clerk. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode

  constructor(code: CalendarErrorCode, message: string) {
    super(message)
    this.name = 'CalendarError'
    this.code = code
  }
}
