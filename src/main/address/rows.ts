import { numberKey, parseAddress } from '../../shared/address/parse'
import { keyOf, normalizeText } from './text'

/** What a caller supplies for one pair; the index columns are derived by `prepareRow`. */
export interface ChangeInput {
  oldText: string
  newText: string
  effective?: string | null
  source?: string | null
  note?: string | null
  level?: 'county' | 'subcounty' | 'street' | 'house'
  /** Division code keys (seed rows); otherwise the normalised text is the key. */
  oldKey?: string
  newKey?: string
  /** Road (vocabulary term) override: a bare division name for division rows. */
  oldRoad?: string
  newRoad?: string
}

export interface PreparedRow {
  oldText: string
  newText: string
  oldNorm: string
  newNorm: string
  oldKey: string
  newKey: string
  oldRoad: string | null
  oldNo: string | null
  newRoad: string | null
  newNo: string | null
  level: 'county' | 'subcounty' | 'street' | 'house'
  effective: string | null
  source: string | null
  note: string | null
}

const side = (text: string, road?: string) => {
  const norm = normalizeText(text.trim())
  if (road) return { norm, road: normalizeText(road), no: null }
  const parts = parseAddress(norm)
  return {
    norm,
    road: parts.road || null,
    no: parts.number ? numberKey(parts.number) : null
  }
}

export function prepareRow(input: ChangeInput): PreparedRow {
  const before = side(input.oldText, input.oldRoad)
  const after = side(input.newText, input.newRoad)
  return {
    oldText: input.oldText.trim(),
    newText: input.newText.trim(),
    oldNorm: before.norm,
    newNorm: after.norm,
    oldKey: input.oldKey ?? keyOf(before.norm),
    newKey: input.newKey ?? keyOf(after.norm),
    oldRoad: before.road,
    oldNo: before.no,
    newRoad: after.road,
    newNo: after.no,
    level: input.level ?? (before.no || after.no ? 'house' : 'street'),
    effective: input.effective?.trim() || null,
    source: input.source?.trim() || null,
    note: input.note?.trim() || null
  }
}
