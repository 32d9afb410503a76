import { useMemo } from 'react'
import type { KeyboardEvent } from 'react'
import { createWedgeDetector, type WedgeOptions } from '@shared/staff/wedge'

/**
 * Key handler for the swipe box: calls onCard for a reader's burst; onTyped when Enter closes
 * digits typed by hand.
 */
export function useWedge(
  options: WedgeOptions,
  onCard: (number: string) => void,
  onTyped: () => void
) {
  const { maxGapMs, minDigits, maxDigits } = options
  const detector = useMemo(
    () => createWedgeDetector({ maxGapMs, minDigits, maxDigits }),
    [maxGapMs, minDigits, maxDigits]
  )
  return (event: KeyboardEvent<HTMLInputElement>) => {
    const result = detector.key(event.key, event.timeStamp)
    if (event.key !== 'Enter') return
    event.preventDefault()
    event.currentTarget.value = ''
    if (result.kind === 'card') onCard(result.number)
    else onTyped()
  }
}
