import type { HallDisplayMode } from '../../shared/queue/contract'

/**
 * Where the hall display goes. Pure (no Electron), so index.ts hands in `screen.getAllDisplays()`
 * and the primary display's id and only applies the answer.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayLike {
  id: number
  bounds: Rect
}

/**
 * The display for the hall window: a preferred display when it is connected and not the
 * clerk's (primary) one; otherwise the largest other display (leftmost, then topmost, on a tie);
 * null when only the primary display is connected (the display page then opens from F8 instead).
 */
export function chooseHallDisplay<D extends DisplayLike>(
  displays: readonly D[],
  primaryId: number,
  preferredId?: number | null
): D | null {
  const others = displays.filter((d) => d.id !== primaryId)
  const preferred = others.find((d) => d.id === preferredId)
  if (preferred) return preferred
  const area = (d: D) => d.bounds.width * d.bounds.height
  return (
    [...others].sort(
      (a, b) => area(b) - area(a) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y
    )[0] ?? null
  )
}

/** The display for the hall window under this PC's setting: none while it is switched off. */
export function hallTarget<D extends DisplayLike>(
  mode: HallDisplayMode,
  displays: readonly D[],
  primaryId: number
): D | null {
  return mode === 'off' ? null : chooseHallDisplay(displays, primaryId)
}

/** What to do with the hall window after the displays changed. */
export type HallPlan =
  | { action: 'none' }
  | { action: 'close' }
  | { action: 'open'; bounds: Rect; displayId: number }
  | { action: 'move'; bounds: Rect; displayId: number }

export function planHallWindow(
  target: DisplayLike | null,
  current: { open: boolean; displayId: number | null }
): HallPlan {
  if (!target) return current.open ? { action: 'close' } : { action: 'none' }
  if (!current.open) return { action: 'open', bounds: target.bounds, displayId: target.id }
  if (current.displayId === target.id) return { action: 'none' }
  return { action: 'move', bounds: target.bounds, displayId: target.id }
}
