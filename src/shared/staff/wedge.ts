/**
 * A USB card reader acting as a keyboard ("wedge") types the card number as a burst of digits and
 * Enter, a few milliseconds apart; a person types far slower. The detector keeps the current burst
 * and reports a card only when Enter closes a fast enough, long enough run of digits.
 */

export interface WedgeOptions {
  /** Longest gap between two keys of one burst, in ms. */
  maxGapMs: number
  /** Fewest digits in a card number. */
  minDigits: number
  /** Most digits in a card number. */
  maxDigits: number
}

export const defaultWedgeOptions: WedgeOptions = { maxGapMs: 50, minDigits: 6, maxDigits: 20 }

export type WedgeResult = { kind: 'card'; number: string } | { kind: 'none' }

export function createWedgeDetector(options: WedgeOptions = defaultWedgeOptions) {
  let digits = ''
  let last = -Infinity
  return {
    /** Feeds one key (KeyboardEvent.key) with its time stamp in ms. */
    key(key: string, at: number): WedgeResult {
      const gap = at - last
      last = at
      if (key === 'Enter') {
        const burst = digits
        digits = ''
        const ok =
          gap <= options.maxGapMs &&
          burst.length >= options.minDigits &&
          burst.length <= options.maxDigits
        return ok ? { kind: 'card', number: burst } : { kind: 'none' }
      }
      if (/^\d$/.test(key)) {
        // A slow key starts a new burst: the digits before it were typed by a person.
        digits = gap <= options.maxGapMs ? digits + key : key
      } else {
        digits = ''
      }
      return { kind: 'none' }
    },
    reset() {
      digits = ''
      last = -Infinity
    }
  }
}

/** Classifies a whole key sequence at once (tests, CLI). */
export function detectCard(
  keys: readonly { key: string; at: number }[],
  options: WedgeOptions = defaultWedgeOptions
): string | null {
  const detector = createWedgeDetector(options)
  let found: string | null = null
  for (const { key, at } of keys) {
    const result = detector.key(key, at)
    if (result.kind === 'card') found = result.number
  }
  return found
}
