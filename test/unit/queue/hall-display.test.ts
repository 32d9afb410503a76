import { describe, expect, it } from 'vitest'
import { chooseHallDisplay, hallTarget, planHallWindow } from '../../../src/main/queue/hall-display'

const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const tv = { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } }
const small = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } }

describe('hall display placement', () => {
  it('uses no window with the clerk’s monitor alone', () => {
    expect(chooseHallDisplay([primary], 1)).toBeNull()
    expect(chooseHallDisplay([], 1)).toBeNull()
  })

  it('never picks the primary display, whatever its order or size', () => {
    const big = { id: 1, bounds: { x: 0, y: 0, width: 3840, height: 2160 } }
    expect(chooseHallDisplay([tv, big], 1)).toBe(tv)
  })

  it('picks the largest other display, then the leftmost on a tie', () => {
    expect(chooseHallDisplay([primary, small, tv], 1)).toBe(tv)
    const twin = { id: 4, bounds: { ...tv.bounds, x: -1920 } }
    expect(chooseHallDisplay([primary, tv, twin], 1)).toBe(twin)
  })

  it('keeps a preferred display while it is connected and not primary', () => {
    expect(chooseHallDisplay([primary, tv, small], 1, 3)).toBe(small)
    expect(chooseHallDisplay([primary, tv], 1, 3)).toBe(tv)
    expect(chooseHallDisplay([primary, tv], 1, 1)).toBe(tv)
  })

  it('opens, moves and closes the window as monitors come and go', () => {
    const closed = { open: false, displayId: null }
    expect(planHallWindow(tv, closed)).toEqual({ action: 'open', bounds: tv.bounds, displayId: 2 })
    expect(planHallWindow(tv, { open: true, displayId: 2 })).toEqual({ action: 'none' })
    expect(planHallWindow(small, { open: true, displayId: 2 })).toEqual({
      action: 'move',
      bounds: small.bounds,
      displayId: 3
    })
    expect(planHallWindow(null, { open: true, displayId: 2 })).toEqual({ action: 'close' })
    expect(planHallWindow(null, closed)).toEqual({ action: 'none' })
  })

  it('follows a display-removed: the TV unplugged leaves the other secondary', () => {
    const before = chooseHallDisplay([primary, tv, small], 1)
    const after = chooseHallDisplay([primary, small], 1)
    expect(planHallWindow(after, { open: true, displayId: before!.id })).toMatchObject({
      action: 'move',
      displayId: 3
    })
  })

  it('opens no hall window while this PC has it switched off, and closes one that is open', () => {
    expect(hallTarget('auto', [primary, tv], 1)).toBe(tv)
    expect(hallTarget('off', [primary, tv], 1)).toBeNull()
    expect(
      planHallWindow(hallTarget('off', [primary, tv], 1), { open: true, displayId: 2 })
    ).toEqual({ action: 'close' })
    expect(
      planHallWindow(hallTarget('off', [primary, tv], 1), { open: false, displayId: null })
    ).toEqual({ action: 'none' })
  })
})
