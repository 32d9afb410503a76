import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { nothing, requiredText, searchText, text, uuid } from '../ipc/fields'
import { bookKeys } from '../logbooks/books'

/** The service guide's calls: the menu, search, admin edits with history, checklists, voice script. */

/** The settings key the station's guide travels under (src/main/guide/guide-document.ts). */
export const GUIDE_DOCUMENT_KEY = 'guide.tree'

export const menuNumber = z
  .int({ error: '菜单号应为 1–9 的整数' })
  .min(1, { error: '菜单号应为 1–9（电话按键）' })
  .max(9, { error: '菜单号应为 1–9（电话按键）' })

export const businessCode = z
  .string({ error: '应为文本' })
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{1,23}$/, { error: '业务代码应为 2–24 位大写字母、数字或连字符' })
  .meta({ examples: ['HK-OUT'] })

export const guideMaterial = z.object({
  item: z.string(),
  required: z.boolean(),
  condition: z.string().nullable()
})

export const businessSummary = z.object({
  id: z.string(),
  code: z.string(),
  menuNumber: z.int(),
  name: z.string(),
  sample: z.boolean()
})

export const guideCategory = z.object({
  id: z.string(),
  menuNumber: z.int(),
  name: z.string(),
  updatedAt: z.string(),
  businesses: z.array(businessSummary)
})

export const guideTree = z.object({
  /** Shown wherever any sample content is. */
  sampleNotice: z.string(),
  categories: z.array(guideCategory),
  promises: z.array(z.object({ code: z.string(), text: z.string(), sample: z.boolean() }))
})

export const guideBusiness = businessSummary.extend({
  categoryId: z.string(),
  categoryName: z.string(),
  categoryMenuNumber: z.int(),
  nameEn: z.string(),
  counter: z.string(),
  eligibility: z.string(),
  statutoryLimit: z.string(),
  promisedTime: z.string(),
  validity: z.string(),
  fee: z.string(),
  legalBasis: z.string(),
  notes: z.string(),
  /** The register (登记簿) the business creates an entry in, if any. */
  register: z.enum(bookKeys).nullable(),
  updatedAt: z.string(),
  materials: z.array(guideMaterial),
  /** The distinct conditions of the conditional materials, for the clerk to tick. */
  conditions: z.array(z.string())
})

export const searchHit = z.object({
  code: z.string(),
  name: z.string(),
  categoryName: z.string(),
  matchedBy: z.enum(['code', 'name', 'initials', 'pinyin', 'category', 'material', 'text']),
  /** The text that matched, when it is not the name (a material, a note). */
  snippet: z.string().nullable()
})

export const guideChange = z.object({
  id: z.string(),
  at: z.string(),
  operatorName: z.string().nullable(),
  entity: z.enum(['category', 'business']),
  action: z.enum(['create', 'update']),
  before: z.string().nullable(),
  after: z.string()
})

export const officeInfo = z.object({
  phones: z.string(),
  address: z.string(),
  hours: z.string()
})

const optionalText = (max: number) => text(max).trim()

export const materialInput = z.strictObject({
  item: requiredText(120),
  required: z.boolean({ error: '应为是或否' }),
  condition: optionalText(80).nullable()
})

export const businessInput = z.strictObject({
  id: uuid.optional(),
  code: businessCode,
  categoryId: uuid,
  menuNumber,
  name: requiredText(60),
  nameEn: optionalText(120),
  counter: optionalText(60),
  eligibility: optionalText(300),
  statutoryLimit: optionalText(300),
  promisedTime: optionalText(300),
  validity: optionalText(300),
  fee: optionalText(200),
  legalBasis: optionalText(1000),
  notes: optionalText(1000),
  /** The register the business creates an entry in; null for none. */
  register: z.enum(bookKeys, { error: '对应登记簿应为本所的登记簿之一' }).nullable(),
  /** False once an administrator has checked it against the local bureau's published guide. */
  sample: z.boolean({ error: '应为是或否' }),
  materials: z.array(materialInput).max(40, { error: '材料不能超过 40 项' }),
  /**
   * The business's `updatedAt` as the editor read it: the save is refused when it changed since
   * (another administrator, or another PC's edit taken from the station server).
   */
  updatedAt: z.string().max(40).optional()
})

export const categoryInput = z.strictObject({
  id: uuid.optional(),
  name: requiredText(20),
  menuNumber,
  /** The category's `updatedAt` as the editor read it: refused when it changed since. */
  updatedAt: z.string().max(40).optional()
})

export const paperSize = z.enum(['A4', 'A5'], { error: '纸张应为 A4 或 A5' })

export const guideContract = {
  tree: call({ input: nothing, output: guideTree, access: 'signedIn' }),
  business: call({
    input: z.strictObject({ code: businessCode }),
    output: guideBusiness,
    access: 'signedIn'
  }),
  search: call({
    input: z.strictObject({ query: searchText(40, 1) }),
    output: z.array(searchHit),
    access: 'signedIn'
  }),
  saveCategory: call({ input: categoryInput, output: guideCategory, access: ['admin'] }),
  saveBusiness: call({ input: businessInput, output: guideBusiness, access: ['admin'] }),
  history: call({
    input: z.strictObject({ code: businessCode }),
    output: z.array(guideChange),
    access: 'signedIn'
  }),
  office: call({ input: nothing, output: officeInfo, access: 'signedIn' }),
  updateOffice: call({
    input: z.strictObject({
      phones: optionalText(80),
      address: optionalText(100),
      hours: requiredText(40)
    }),
    output: officeInfo,
    access: ['admin']
  }),
  /** Writes the one-page checklist PDF, audits the print, and opens it for printing when asked. */
  checklist: call({
    input: z.strictObject({
      code: businessCode,
      conditions: z.array(requiredText(80)).max(20),
      size: paperSize,
      open: z.boolean({ error: '应为是或否' })
    }),
    output: z.object({
      path: z.string(),
      text: z.string(),
      pages: z.int(),
      opened: z.boolean(),
      missingCharacters: z.array(z.string())
    }),
    access: 'signedIn'
  }),
  /** The phone system's menu script, per level; `save` writes it to a file and audits the export. */
  voiceScript: call({
    input: z.strictObject({ save: z.boolean({ error: '应为是或否' }) }),
    output: z.object({ text: z.string(), path: z.string().nullable() }),
    access: 'signedIn'
  })
} satisfies Namespace

export type GuideTree = z.output<typeof guideTree>
export type GuideCategory = z.output<typeof guideCategory>
export type GuideBusiness = z.output<typeof guideBusiness>
export type GuideMaterial = z.output<typeof guideMaterial>
export type SearchHit = z.output<typeof searchHit>
export type GuideChange = z.output<typeof guideChange>
export type OfficeInfo = z.output<typeof officeInfo>
export type BusinessInput = z.output<typeof businessInput>
export type CategoryInput = z.output<typeof categoryInput>
export type PaperSize = z.output<typeof paperSize>
