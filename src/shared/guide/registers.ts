import type { BookKey } from '../logbooks/books'

/**
 * The register (登记簿) each shipped sample business creates, by business code. The first-start
 * seed reads it, and migration 0022 writes the same values into guides seeded before the column
 * existed (a unit test holds the two together). Businesses not listed create no register entry.
 *
 * The household-register businesses go to 先外后内: the household book is done at the window,
 * the station's own slip afterwards.
 */
export const sampleRegisters: Readonly<Record<string, BookKey>> = {
  'HK-OUT': 'backOffice',
  'HK-IN': 'backOffice',
  'HK-BIRTH': 'backOffice',
  'HK-DEATH': 'backOffice',
  'HK-BOOK': 'backOffice',
  'EXIT-PASSPORT': 'exitReview',
  'EXIT-HKMO': 'exitReview',
  VISIT: 'visit',
  CASE: 'case'
}

export const sampleRegisterOf = (code: string): BookKey | null =>
  Object.hasOwn(sampleRegisters, code) ? sampleRegisters[code]! : null
