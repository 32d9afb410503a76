/** The window's keys: Shift + F1…F8 in bar order, free of the modules' plain F-keys. */
export const barKeys = {
  callNext: 'F1',
  recall: 'F2',
  start: 'F3',
  miss: 'F4',
  transfer: 'F5',
  pause: 'F6',
  finish: 'F7',
  callNumber: 'F8'
} as const
export type BarAction = keyof typeof barKeys
