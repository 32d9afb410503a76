import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { page, requiredText, searchText, text, uuid } from '../ipc/fields'
import { partNames } from './parse'

/** The old/new address lookup's calls. */

export const origin = z.enum(['seed', 'station', 'sample'])
export const level = z.enum(['county', 'subcounty', 'street', 'house'])
const span = z.object({ start: z.int(), end: z.int() })

export const chainStep = z.object({
  id: z.string(),
  oldText: z.string(),
  newText: z.string(),
  effective: z.string().nullable(),
  source: z.string().nullable()
})

export const changeView = z.object({
  id: z.string(),
  origin,
  level,
  oldText: z.string(),
  newText: z.string(),
  effective: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string()
})

export const searchHit = changeView.extend({
  score: z.number(),
  /** Which side the query matched: an old address (→ its new one) or a new one (← its old one). */
  matched: z.enum(['old', 'new']),
  how: z.enum(['substring', 'pinyin', 'homophone', 'edit', 'alias']),
  highlights: z.object({ old: z.array(span), new: z.array(span) }),
  changed: z.object({ old: span, new: span }),
  changedParts: z.array(z.enum(partNames)),
  /** The whole chain this change belongs to, oldest first (one step when there is no chain). */
  chain: z.array(chainStep)
})

export const importField = z.enum(['old', 'new', 'effective', 'source', 'note'])
export const importMapping = z.strictObject({
  old: z.int().min(0).max(200),
  new: z.int().min(0).max(200),
  effective: z.int().min(0).max(200).nullable(),
  source: z.int().min(0).max(200).nullable(),
  note: z.int().min(0).max(200).nullable()
})
export const importFile = z.strictObject({
  name: requiredText(200).meta({ examples: ['对照表.csv'] }),
  /** CSV as text, XLSX as base64. Larger files: `npm run cli -- address import`. */
  content: text(400_000, 1)
})
export const rowError = z.object({ line: z.int(), reason: z.string() })

export const importPreview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  totalRows: z.int(),
  mapping: importMapping.nullable()
})
export const importJob = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  processed: z.int(),
  total: z.int(),
  imported: z.int(),
  duplicates: z.int(),
  errors: z.array(rowError),
  message: z.string().nullable()
})

const changeInput = {
  oldText: requiredText(300),
  newText: requiredText(300),
  effective: text(40).nullable(),
  source: text(200).nullable(),
  note: text(500).nullable()
}

export const addressContract = {
  search: call({
    input: z.strictObject({
      query: searchText(100).meta({ examples: ['ytbj'] }),
      limit: z.int().min(1).max(50).default(10)
    }),
    output: z.array(searchHit),
    access: 'signedIn'
  }),
  /** Remembers a lookup the clerk opened or copied. */
  remember: call({
    input: z.strictObject({ query: requiredText(100), changeId: uuid.nullable() }),
    output: z.null(),
    access: 'signedIn'
  }),
  recent: call({
    input: z.undefined(),
    output: z.array(z.object({ query: z.string(), change: changeView.nullable(), at: z.string() })),
    access: 'signedIn'
  }),
  /** A page of the table: filtered by origin, text (old or new) and source; newest or by date. */
  list: call({
    input: page.extend({
      origin: origin.optional(),
      text: text(100).optional(),
      source: text(100).optional(),
      sort: z.enum(['recent', 'effectiveDesc', 'effectiveAsc']).optional()
    }),
    output: z.object({ total: z.int(), rows: z.array(changeView) }),
    access: 'signedIn'
  }),
  /** A local reading of a road name (大栅栏 read `da shi lar`, typed `dsl`), audited. */
  addReading: call({
    input: z.strictObject({
      term: requiredText(40).meta({ examples: ['大栅栏'] }),
      reading: requiredText(80)
        .regex(/^[A-Za-z]+( +[A-Za-z]+)*$/, { error: '读音应为拼音音节，以空格分开' })
        .meta({ examples: ['da shi lar'] })
    }),
    output: z.object({ term: z.string(), readings: z.array(z.string()) }),
    access: 'signedIn'
  }),
  /** The station readings of a name (empty when it has none). */
  readings: call({
    input: z.strictObject({ term: requiredText(40).meta({ examples: ['大栅栏'] }) }),
    output: z.object({ term: z.string(), readings: z.array(z.string()) }),
    access: 'signedIn'
  }),
  /** Removes one station reading of a name, audited. */
  removeReading: call({
    input: z.strictObject({
      term: requiredText(40).meta({ examples: ['大栅栏'] }),
      reading: requiredText(80).meta({ examples: ['da shi lar'] })
    }),
    output: z.object({ term: z.string(), readings: z.array(z.string()) }),
    access: 'signedIn'
  }),
  stats: call({
    input: z.undefined(),
    output: z.object({ seed: z.int(), station: z.int(), sample: z.int(), vocabulary: z.int() }),
    access: 'signedIn'
  }),
  create: call({ input: z.strictObject(changeInput), output: changeView, access: 'signedIn' }),
  update: call({
    input: z.strictObject({ id: uuid, ...changeInput }),
    output: changeView,
    access: 'signedIn'
  }),
  remove: call({ input: z.strictObject({ id: uuid }), output: z.null(), access: ['admin'] }),
  removeSample: call({ input: z.undefined(), output: z.int(), access: ['admin'] }),
  previewImport: call({ input: importFile, output: importPreview, access: ['admin'] }),
  startImport: call({
    input: importFile.extend({ mapping: importMapping }),
    output: importJob,
    access: ['admin']
  }),
  importStatus: call({ input: z.strictObject({ id: uuid }), output: importJob, access: ['admin'] }),
  cancelImport: call({ input: z.strictObject({ id: uuid }), output: importJob, access: ['admin'] }),
  exportTable: call({
    input: z.strictObject({ format: z.enum(['csv', 'xlsx']), origin: origin.optional() }),
    /** CSV text or XLSX base64, for the renderer to save. */
    output: z.object({ name: z.string(), content: z.string(), rows: z.int() }),
    access: 'signedIn'
  })
} satisfies Namespace

export type ChangeView = z.output<typeof changeView>
export type SearchHit = z.output<typeof searchHit>
export type ChainStep = z.output<typeof chainStep>
export type ImportMapping = z.output<typeof importMapping>
export type ImportPreview = z.output<typeof importPreview>
export type ImportJob = z.output<typeof importJob>
export type RowError = z.output<typeof rowError>
