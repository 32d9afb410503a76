import { geometryKeys, type Band, type GeometryKey, type PhotoSpec } from './spec'

/**
 * The photo spec editor's form (settings → 规格与摄像头) and the spec it stands for: the form
 * names its boxes by the spec's paths, so main's field messages land at their boxes.
 */

export type Optional = number | null | undefined

/** The spec as the form holds it: an emptied number box is null. */
export interface SpecForm {
  name: string
  source: string
  note?: string
  widthMm: number
  heightMm: number
  widthPx: number
  heightPx: number
  dpi: number
  geometry: Partial<Record<GeometryKey, { min?: Optional; max?: Optional }>> & {
    centreTolerance?: Optional
    eyeRuleWins?: boolean
  }
  background: { colours: { name: string; rgb: [number, number, number] }[]; maxDeltaE: number }
  jpeg: { quality: number; minBytes?: Optional; maxBytes?: Optional }
}

const given = (value: Optional): number | undefined => (value == null ? undefined : value)

/** A band with neither limit is no rule at all. */
const bandOf = (values: { min?: Optional; max?: Optional } | undefined): Band | undefined => {
  const min = given(values?.min)
  const max = given(values?.max)
  if (min === undefined && max === undefined) return undefined
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

/** The form's values as the spec main checks and stores (its id unchanged). */
export function specFromForm(id: string, values: SpecForm): PhotoSpec {
  const geometry: PhotoSpec['geometry'] = {}
  for (const key of geometryKeys) {
    const band = bandOf(values.geometry?.[key])
    if (band) geometry[key] = band
  }
  const centreTolerance = given(values.geometry?.centreTolerance)
  if (centreTolerance !== undefined) geometry.centreTolerance = centreTolerance
  if (values.geometry?.eyeRuleWins) geometry.eyeRuleWins = true
  const note = values.note?.trim() ? values.note : undefined
  return defined({
    id,
    name: values.name,
    source: values.source ?? '',
    widthMm: values.widthMm,
    heightMm: values.heightMm,
    widthPx: values.widthPx,
    heightPx: values.heightPx,
    dpi: values.dpi,
    geometry,
    background: {
      colours: (values.background?.colours ?? []).map((colour) => ({
        name: colour?.name ?? '',
        rgb: colour?.rgb ?? [0, 0, 0]
      })),
      maxDeltaE: values.background?.maxDeltaE
    },
    jpeg: defined({
      quality: values.jpeg?.quality,
      minBytes: given(values.jpeg?.minBytes),
      maxBytes: given(values.jpeg?.maxBytes)
    }),
    note
  }) as PhotoSpec
}
