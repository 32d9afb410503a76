// Public entry of the calendar module (pure TS: browser and Node, no time-zone dependence).
export * from './errors'
export * from './plain-date'
export * from './lunar'
export * from './sexagenary'
export * from './festivals'
export * from './work-calendar'
export { HOLIDAY_NOTICES, noticeFor, type HolidayNotice } from './holiday-notices'
export { LUNAR_YEAR_MIN, LUNAR_YEAR_MAX } from './lunar-data'
