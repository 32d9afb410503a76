import { pinyin } from 'pinyin-pro'
import type { SearchHit } from './contract'

/** Search over the guide by name, pinyin initials or full pinyin, and material text. */

export interface SearchDoc {
  code: string
  name: string
  categoryName: string
  materials: { item: string; condition: string | null }[]
  /** Notes, eligibility and the like: searched last. */
  other: string[]
}

interface Indexed extends SearchDoc {
  initials: string
  spelled: string
  materialInitials: string[]
}

const letters = (parts: string[]) =>
  parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

const initialsOf = (value: string) =>
  letters(pinyin(value, { pattern: 'first', toneType: 'none', type: 'array' }))
const spelledOf = (value: string) => letters(pinyin(value, { toneType: 'none', type: 'array' }))

export function buildSearchIndex(docs: SearchDoc[]): Indexed[] {
  return docs.map((doc) => ({
    ...doc,
    initials: initialsOf(doc.name),
    spelled: spelledOf(doc.name),
    materialInitials: doc.materials.map((material) => initialsOf(material.item))
  }))
}

/** A one-line window of a long text around the match. */
function around(value: string, q: string, radius = 16): string {
  const flat = value.replace(/\s+/g, ' ')
  const at = flat.toLowerCase().indexOf(q)
  if (at < 0 || flat.length <= radius * 2 + q.length) return flat
  const start = Math.max(0, at - radius)
  const end = Math.min(flat.length, at + q.length + radius)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

const normalize = (query: string) => query.trim().toLowerCase().replace(/\s+/g, '')

/** Best match per business, best first; ties keep the menu order. */
export function searchGuide(index: Indexed[], query: string, limit = 20): SearchHit[] {
  const q = normalize(query)
  if (!q) return []
  const latin = /^[a-z0-9-]+$/.test(q)
  type Rule = [matches: boolean, score: number, by: SearchHit['matchedBy'], snippet: string | null]
  const scored = index.flatMap((doc, order) => {
    const material = doc.materials.find(
      (m, i) =>
        m.item.toLowerCase().includes(q) ||
        (m.condition ?? '').toLowerCase().includes(q) ||
        (latin && q.length >= 3 && doc.materialInitials[i]!.includes(q))
    )
    const other = doc.other.find((value) => value.toLowerCase().includes(q))
    const name = doc.name.toLowerCase()
    const rules: Rule[] = [
      [doc.code.toLowerCase() === q, 130, 'code', null],
      [name.startsWith(q), 120, 'name', null],
      [latin && doc.initials.startsWith(q), 110, 'initials', null],
      [name.includes(q), 100, 'name', null],
      [latin && doc.initials.includes(q), 90, 'initials', null],
      [latin && q.length >= 2 && doc.spelled.startsWith(q), 85, 'pinyin', null],
      [latin && q.length >= 3 && doc.spelled.includes(q), 70, 'pinyin', null],
      [doc.categoryName.toLowerCase().includes(q), 60, 'category', doc.categoryName],
      [
        material !== undefined,
        50,
        'material',
        material?.condition ? `${material.item}（${material.condition}）` : (material?.item ?? null)
      ],
      [other !== undefined, 20, 'text', other === undefined ? null : around(other, q)]
    ]
    // Rules are in descending score: the first that matches is the best.
    const best = rules.find(([matches]) => matches)
    if (!best) return []
    const [, score, matchedBy, snippet] = best
    return [
      {
        score,
        order,
        hit: { code: doc.code, name: doc.name, categoryName: doc.categoryName, matchedBy, snippet }
      }
    ]
  })
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.hit)
}
