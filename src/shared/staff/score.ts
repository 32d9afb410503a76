/** The monthly service award: a transparent weighted score and the suggested 1 best + 2 excellent. */

export interface AwardWeights {
  /** Points per entry handled. */
  entry: number
  /** Points per percentage point of deadlines met on time. */
  onTime: number
  /** Points when the follow-up quota is met. */
  quotaMet: number
  /** Points per satisfaction point above neutral (average of -2..+2). */
  satisfaction: number
  /** Points per upheld complaint (usually negative). */
  complaint: number
}

export const defaultWeights: AwardWeights = {
  entry: 0.1,
  onTime: 0.5,
  quotaMet: 10,
  satisfaction: 10,
  complaint: -20
}

export interface OfficerFigures {
  officerId: string
  name: string
  entries: number
  /** Entries with a deadline that fell due in the month. */
  dueEntries: number
  onTime: number
  quotaMet: boolean
  /** Average satisfaction, -2 (非常不满意) .. +2 (非常满意); null with no rated visits. */
  satisfaction: number | null
  complaintsUpheld: number
}

export interface ScoredOfficer extends OfficerFigures {
  /** On-time rate in percent; 100 when nothing fell due. */
  onTimeRate: number
  parts: Record<keyof AwardWeights, number>
  score: number
  rank: number
}

const round2 = (n: number) => Math.round(n * 100) / 100

export const onTimeRate = (f: Pick<OfficerFigures, 'dueEntries' | 'onTime'>) =>
  f.dueEntries === 0 ? 100 : round2((f.onTime / f.dueEntries) * 100)

/** Scores each officer, best first; equal scores by fewer complaints, then name, then id. */
export function scoreOfficers(
  figures: readonly OfficerFigures[],
  w: AwardWeights
): ScoredOfficer[] {
  const scored = figures.map((f) => {
    const rate = onTimeRate(f)
    const parts = {
      entry: round2(f.entries * w.entry),
      onTime: round2(rate * w.onTime),
      quotaMet: f.quotaMet ? w.quotaMet : 0,
      satisfaction: round2((f.satisfaction ?? 0) * w.satisfaction),
      complaint: round2(f.complaintsUpheld * w.complaint)
    }
    const score = round2(Object.values(parts).reduce((a, b) => a + b, 0))
    return { ...f, onTimeRate: rate, parts, score, rank: 0 }
  })
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.complaintsUpheld - b.complaintsUpheld ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : 0)
  )
  scored.forEach((s, i) => (s.rank = i + 1))
  return scored
}

/** The suggestion: the first as best, the next two as excellent (officers with an upheld complaint are passed over). */
export function suggestAwards(scored: readonly ScoredOfficer[]) {
  const eligible = scored.filter((s) => s.complaintsUpheld === 0)
  return {
    best: eligible[0]?.officerId ?? null,
    excellent: eligible.slice(1, 3).map((s) => s.officerId)
  }
}
