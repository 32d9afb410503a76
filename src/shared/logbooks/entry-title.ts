import { books, type BookKey } from './books'

/**
 * One line that tells a clerk which entry this is: its first name (or its parties' names) and
 * the start of its main text, e.g. 孙丽：户口迁出材料已补齐.
 */
export function entryTitle(book: BookKey, fields: Record<string, unknown>): string {
  const spec = books[book]
  const name = spec.fields.find((f) => f.kind === 'name' || f.kind === 'text')
  const text =
    spec.fields.find((f) => f.kind === 'longText') ??
    spec.fields.find((f) => f.key === spec.summaryField)
  const first = name ? fields[name.key] : undefined
  const parties = fields.parties as { name: string }[] | undefined
  return [
    typeof first === 'string' ? first : parties?.map((p) => p.name).join('、'),
    text ? String(fields[text.key] ?? '').slice(0, 40) : ''
  ]
    .filter(Boolean)
    .join('：')
}
