import type { PhotoSpec } from './spec'

export type Rgb = [number, number, number]

/** The usual ID-photo colours by their English and Chinese names. */
export const standardBackgrounds: Record<string, { name: string; rgb: Rgb }> = {
  white: { name: '白', rgb: [255, 255, 255] },
  blue: { name: '蓝', rgb: [67, 142, 219] },
  red: { name: '红', rgb: [212, 30, 40] },
  grey: { name: '浅灰', rgb: [220, 220, 220] },
  'light-blue': { name: '浅蓝', rgb: [200, 225, 245] }
}

export const rgbHex = (rgb: Rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`

/**
 * A background asked for by name (white, blue, red, grey, light-blue, or a spec's own Chinese
 * name such as 浅蓝) or as #RRGGBB. A named colour the spec lists is taken from the spec, so an
 * office's own shade of blue wins over the standard one. Null when it cannot be read.
 */
export function parseBackground(value: string, spec: PhotoSpec): Rgb | null {
  const v = value.trim()
  const hex = /^#([0-9a-f]{6})$/i.exec(v)
  if (hex) {
    const n = parseInt(hex[1]!, 16)
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  }
  const standard = standardBackgrounds[v.toLowerCase()]
  const name = standard?.name ?? v
  const fromSpec = spec.background.colours.find((c) => c.name === name)
  if (fromSpec) return [...fromSpec.rgb]
  return standard ? [...standard.rgb] : null
}

/** Whether the spec allows this colour (one of its listed colours, exactly). */
export const allowedBy = (spec: PhotoSpec, rgb: Rgb) =>
  spec.background.colours.some((c) => c.rgb.every((v, i) => v === rgb[i]))
