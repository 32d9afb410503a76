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
    /** Digits in the current burst so far. */
    pending: () => digits.length,
    reset() {
      digits = ''
      last = -Infinity
    }
  }
}

/** The little of a key event the catcher needs (a DOM KeyboardEvent fits). */
export interface KeyLike {
  key: string
  timeStamp: number
  target: unknown
  preventDefault(): void
  stopPropagation(): void
}

export interface SwipeCatcherHooks<F extends { value: string }> {
  /** The text field the key is typed into, if any. */
  field(target: unknown): F | null
  /** Targets that handle swipes themselves (the F7 swipe box). */
  skip(target: unknown): boolean
  /** Puts a field's value back (and tells its form). */
  restore(field: F, value: string): void
  /**
   * Whether a burst is a registered card (decided at once: the Enter must be stopped or let
   * through now). A burst that is not — an unknown card, a barcode scanner's ID number — is left
   * alone: the field keeps the digits and the Enter goes through.
   */
  isCard(number: string): boolean
  /** A card was caught; `undo` puts the burst's digits back into the field (main refused it). */
  onCard(number: string, undo: () => void): void
}

/**
 * A short tag of a card number (16 bits of FNV-1a over salt + number): the renderer checks a burst
 * against the registered cards' tags without holding the card numbers themselves. Many numbers
 * share a tag, so a tag does not give a card away; a chance match is refused by main and undone.
 */
export function cardTag(salt: string, number: string): string {
  let hash = 0x811c9dc5
  for (const ch of `${salt}:${number}`) {
    hash ^= ch.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash >>> 16).toString(16).padStart(4, '0')
}

/**
 * Catches a card reader's burst anywhere in the window, without taking keys from a person: keys
 * pass through untouched; only when Enter closes a burst (the detector's speed rule) of a
 * registered card (isCard) is that Enter stopped, the card reported, and a text field the burst went into given back its value
 * from before the burst. A person typing digits, however fast they think they are, never closes a
 * burst of 6+ digits at under maxGapMs per key, so their typing is never altered.
 */
export function createSwipeCatcher<F extends { value: string }>(
  options: WedgeOptions,
  hooks: SwipeCatcherHooks<F>
) {
  const detector = createWedgeDetector(options)
  let before: { field: F; value: string } | null = null
  return (event: KeyLike) => {
    if (hooks.skip(event.target)) return
    const field = hooks.field(event.target)
    // keydown comes before the key changes the field: this is the value before the key.
    const value = field?.value ?? ''
    const result = detector.key(event.key, event.timeStamp)
    if (detector.pending() === 1) before = field ? { field, value } : null
    if (result.kind !== 'card') return
    const start = before
    before = null
    if (!hooks.isCard(result.number)) return
    event.preventDefault()
    event.stopPropagation()
    const own = field && start?.field === field ? field : null
    const typed = own?.value ?? ''
    if (own && start) hooks.restore(own, start.value)
    hooks.onCard(result.number, () => {
      if (own) hooks.restore(own, typed)
    })
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
