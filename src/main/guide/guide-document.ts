/**
 * The service guide as one station-wide record (issue #15). Each PC keeps the guide in its own
 * tables (ids made on that PC, so the same guide has different ids on each); the station shares
 * it as a document without ids, identified by menu numbers and business codes, stored in the
 * settings row `guide.tree`. That row travels like every station-wide setting (versioned.ts):
 * uploaded over the version it was made on, a change another PC made first refused and listed
 * (改用本机的值 / 保留服务器的值), newer versions taken each round.
 *
 * - The document is written whenever an administrator edits the guide here (in the edit's
 *   transaction), and before each round when the tables and the document differ.
 * - A PC that never edited its guide writes none: it takes the station's guide rather than
 *   offering its shipped sample (which would otherwise be listed as a conflict on every PC that
 *   joins).
 * - A document taken from the server is checked as an edit typed here is, then applied to the
 *   tables: categories matched by menu number (else name), businesses by code; a business the
 *   document no longer has is removed here (a queue line linked to it keeps its tickets and loses
 *   the link). Each business changed gets its history row; one audit row lists what changed.
 * - Two PCs that changed different categories or businesses over the same version are merged by
 *   the later one (three-way, over the document it last shared with the server, `guide.tree.base`)
 *   rather than refused; the same business changed on both is refused and listed.
 */
import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { businessInput, categoryInput, GUIDE_DOCUMENT_KEY } from '../../shared/guide/contract'
import { appendAudit } from '../audit/audit-repo'
import { writeSetting } from '../settings/settings-repo'
import type { Db, Tx } from '../db/client'
import {
  guideBusinesses,
  guideCategories,
  guideChanges,
  guideMaterials,
  operators,
  queueServices,
  settings
} from '../db/schema'

type Handle = Tx | Db

export { GUIDE_DOCUMENT_KEY }

const documentBusiness = businessInput.omit({ id: true, categoryId: true, updatedAt: true })
const documentCategory = categoryInput
  .omit({ id: true, updatedAt: true })
  .extend({ businesses: z.array(documentBusiness).max(9) })

/** The guide as the station shares it; checked like an administrator's edit. */
export const guideDocument = z
  .strictObject({ categories: z.array(documentCategory).max(9) })
  .superRefine((document, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message })
    const numbers = new Set<number>()
    const codes = new Set<string>()
    for (const category of document.categories) {
      if (numbers.has(category.menuNumber)) problem(`类别菜单号 ${category.menuNumber} 重复`)
      numbers.add(category.menuNumber)
      const businessNumbers = new Set<number>()
      for (const business of category.businesses) {
        if (businessNumbers.has(business.menuNumber)) {
          problem(`“${category.name}”下的菜单号 ${business.menuNumber} 重复`)
        }
        businessNumbers.add(business.menuNumber)
        if (codes.has(business.code)) problem(`业务代码“${business.code}”重复`)
        codes.add(business.code)
        business.materials.forEach((material) => {
          if (!material.required && !material.condition) {
            problem(`“${business.name}”的非必需材料须写明适用情形`)
          }
        })
      }
    }
  })

export type GuideDocument = z.output<typeof guideDocument>
type DocumentBusiness = GuideDocument['categories'][number]['businesses'][number]

/** One business as the document holds it, its keys always in this order. */
const businessOf = (
  row: typeof guideBusinesses.$inferSelect,
  materials: { item: string; required: boolean; condition: string | null }[]
): DocumentBusiness => ({
  code: row.code,
  menuNumber: row.menuNumber,
  name: row.name,
  nameEn: row.nameEn,
  counter: row.counter,
  eligibility: row.eligibility,
  statutoryLimit: row.statutoryLimit,
  promisedTime: row.promisedTime,
  validity: row.validity,
  fee: row.fee,
  legalBasis: row.legalBasis,
  notes: row.notes,
  register: row.register,
  sample: row.sample,
  materials: materials.map((m) => ({ item: m.item, required: m.required, condition: m.condition }))
})

/** This PC's guide as the station's document (menu order, no ids). */
export function readGuideDocument(tx: Handle): GuideDocument {
  const categories = tx
    .select()
    .from(guideCategories)
    .orderBy(asc(guideCategories.menuNumber))
    .all()
  const businesses = tx
    .select()
    .from(guideBusinesses)
    .orderBy(asc(guideBusinesses.menuNumber))
    .all()
  const materials = tx
    .select()
    .from(guideMaterials)
    .orderBy(asc(guideMaterials.businessId), asc(guideMaterials.position))
    .all()
  const materialsOf = new Map<string, typeof materials>()
  for (const material of materials) {
    const list = materialsOf.get(material.businessId)
    if (list) list.push(material)
    else materialsOf.set(material.businessId, [material])
  }
  return {
    categories: categories.map((category) => ({
      name: category.name,
      menuNumber: category.menuNumber,
      businesses: businesses
        .filter((business) => business.categoryId === category.id)
        .map((business) => businessOf(business, materialsOf.get(business.id) ?? []))
    }))
  }
}

/** A settings row's stored JSON text. */
const storedValue = (tx: Handle, key: string): string | undefined =>
  tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value

/** The station's guide as this PC last stored it. */
export const storedGuideDocument = (tx: Handle) => storedValue(tx, GUIDE_DOCUMENT_KEY)

/**
 * Writes this PC's guide as the station's document when it differs from the one stored (so a
 * linked PC's triggers queue it). `edited`: an administrator just changed the guide here; else the
 * document is written only when a readable one is stored already or the guide was edited here.
 */
export function storeGuideDocument(
  tx: Handle,
  at: string,
  actorId: string | null,
  edited: boolean
): boolean {
  const stored = storedGuideDocument(tx)
  if (!edited) {
    if (stored === undefined) {
      const editedHere = tx.select({ id: guideChanges.id }).from(guideChanges).limit(1).get()
      if (!editedHere) return false
    } else if (!parseGuideDocument(stored).ok) {
      // The server's guide failed this PC's checks (not applied): only an edit here replaces it.
      return false
    }
  }
  const document = readGuideDocument(tx)
  if (JSON.stringify(document) === stored) return false
  writeSetting(tx, GUIDE_DOCUMENT_KEY, document, at, actorId)
  return true
}

/** Reads a stored document (the settings row's JSON text). */
export function parseGuideDocument(
  stored: string
): { ok: true; document: GuideDocument } | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    return { ok: false, message: '服务指南的数据无法读取' }
  }
  const parsed = guideDocument.safeParse(value)
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join('；') }
  }
  return { ok: true, document: parsed.data }
}

export interface GuideApplied {
  created: string[]
  updated: string[]
  removed: string[]
  /** The document failed the checks: nothing was changed. */
  refused?: string
}

/**
 * Makes this PC's guide tables hold the document (in the caller's transaction; see the module
 * comment). `by`: the operator who made the change on the server, when this PC knows them.
 */
export function applyGuideDocument(
  tx: Handle,
  stored: string,
  context: { at: string; by: string | null; deviceId: string }
): GuideApplied {
  const applied: GuideApplied = { created: [], updated: [], removed: [] }
  const parsed = parseGuideDocument(stored)
  const by =
    context.by &&
    tx.select({ id: operators.id }).from(operators).where(eq(operators.id, context.by)).get()
      ? context.by
      : null
  if (!parsed.ok) {
    appendAudit(tx, context.deviceId, context.at, {
      operatorId: null,
      action: 'guide.station.refused',
      entity: 'guide',
      detail: { message: parsed.message }
    })
    return { ...applied, refused: parsed.message }
  }
  const { at } = context
  const before = readGuideDocument(tx)
  // A business with the menu number of its category: moving it is a change too.
  const placed = (category: number, business: DocumentBusiness) =>
    JSON.stringify({ category, business })
  const beforeByCode = new Map(
    before.categories.flatMap((c) =>
      c.businesses.map((b) => [b.code, { placed: placed(c.menuNumber, b), business: b }] as const)
    )
  )
  const localCategories = tx.select().from(guideCategories).all()
  const localBusinesses = tx
    .select({ id: guideBusinesses.id, code: guideBusinesses.code })
    .from(guideBusinesses)
    .all()
  // Menu numbers are unique: every row steps aside first, then takes its number.
  for (const category of localCategories) {
    tx.update(guideCategories)
      .set({ menuNumber: -1 - category.menuNumber })
      .where(eq(guideCategories.id, category.id))
      .run()
  }
  const businessIds = new Map(localBusinesses.map((b) => [b.code, b.id]))
  for (const [index, business] of localBusinesses.entries()) {
    tx.update(guideBusinesses)
      .set({ menuNumber: -1 - index })
      .where(eq(guideBusinesses.id, business.id))
      .run()
  }
  const keptCategories = new Set<string>()
  const keptCodes = new Set<string>()
  for (const category of parsed.document.categories) {
    const match =
      localCategories.find(
        (c) => c.menuNumber === category.menuNumber && !keptCategories.has(c.id)
      ) ?? localCategories.find((c) => c.name === category.name && !keptCategories.has(c.id))
    const categoryId = match?.id ?? randomUUID()
    keptCategories.add(categoryId)
    if (match) {
      tx.update(guideCategories)
        .set({
          menuNumber: category.menuNumber,
          name: category.name,
          ...(match.name !== category.name || match.menuNumber !== category.menuNumber
            ? { updatedAt: at }
            : {})
        })
        .where(eq(guideCategories.id, categoryId))
        .run()
    } else {
      tx.insert(guideCategories)
        .values({
          id: categoryId,
          menuNumber: category.menuNumber,
          name: category.name,
          createdAt: at,
          updatedAt: at
        })
        .run()
    }
    for (const business of category.businesses) {
      keptCodes.add(business.code)
      const { materials, ...fields } = business
      const previous = beforeByCode.get(business.code)
      const id = businessIds.get(business.code) ?? randomUUID()
      const changed = previous?.placed !== placed(category.menuNumber, business)
      const materialsChanged =
        JSON.stringify(previous?.business.materials) !== JSON.stringify(business.materials)
      if (previous === undefined) {
        tx.insert(guideBusinesses)
          .values({ id, categoryId, ...fields, createdAt: at, updatedAt: at })
          .run()
      } else {
        tx.update(guideBusinesses)
          .set({ categoryId, ...fields, ...(changed ? { updatedAt: at } : {}) })
          .where(eq(guideBusinesses.id, id))
          .run()
      }
      if (!changed && previous !== undefined) continue
      if (materialsChanged) {
        tx.delete(guideMaterials).where(eq(guideMaterials.businessId, id)).run()
        materials.forEach((material, position) =>
          tx
            .insert(guideMaterials)
            .values({ id: randomUUID(), businessId: id, position, ...material })
            .run()
        )
      }
      tx.insert(guideChanges)
        .values({
          id: randomUUID(),
          at,
          operatorId: by,
          entity: 'business',
          entityId: id,
          action: previous === undefined ? 'create' : 'update',
          before: previous ? JSON.stringify(previous.business) : null,
          after: JSON.stringify(business)
        })
        .run()
      ;(previous === undefined ? applied.created : applied.updated).push(business.code)
    }
  }
  for (const business of localBusinesses) {
    if (keptCodes.has(business.code)) continue
    tx.update(queueServices)
      .set({ guideBusinessId: null })
      .where(eq(queueServices.guideBusinessId, business.id))
      .run()
    tx.delete(guideMaterials).where(eq(guideMaterials.businessId, business.id)).run()
    tx.delete(guideBusinesses).where(eq(guideBusinesses.id, business.id)).run()
    applied.removed.push(business.code)
  }
  for (const category of localCategories) {
    if (!keptCategories.has(category.id)) {
      tx.delete(guideCategories).where(eq(guideCategories.id, category.id)).run()
    }
  }
  const categoriesChanged =
    JSON.stringify(before.categories.map(({ name, menuNumber }) => [name, menuNumber])) !==
    JSON.stringify(parsed.document.categories.map(({ name, menuNumber }) => [name, menuNumber]))
  if (
    categoriesChanged ||
    applied.created.length + applied.updated.length + applied.removed.length
  ) {
    appendAudit(tx, context.deviceId, at, {
      operatorId: null,
      action: 'guide.station.apply',
      entity: 'guide',
      detail: { ...applied, categoriesChanged, by }
    })
  }
  return applied
}

/** The document's fields as the administrator knows them (conflict lists). */
const FIELD_LABELS: Record<keyof DocumentBusiness, string> = {
  code: '业务代码',
  menuNumber: '菜单号',
  name: '名称',
  nameEn: '英文名称',
  counter: '办理窗口',
  eligibility: '办理条件',
  statutoryLimit: '法定时限',
  promisedTime: '承诺时限',
  validity: '有效期',
  fee: '收费',
  legalBasis: '办理依据',
  notes: '备注',
  register: '登记簿',
  sample: '样例内容',
  materials: '材料'
}

const fieldText = (field: keyof DocumentBusiness, value: unknown): string => {
  if (field === 'materials') {
    return (value as DocumentBusiness['materials'])
      .map((m) => (m.required ? m.item : `${m.item}（${m.condition ?? ''}）`))
      .join('、')
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  return value === null ? '—' : String(value)
}

/**
 * Two documents' differences, one line per category or business: what this PC has and what the
 * server has (the station's conflict list shows these instead of the documents).
 */
export function describeGuideDifferences(
  localStored: string,
  serverStored: string
): { column: string; local: string | null; server: string | null }[] {
  const local = parseGuideDocument(localStored)
  const server = parseGuideDocument(serverStored)
  if (!local.ok || !server.ok) {
    return [
      {
        column: '服务指南',
        local: local.ok ? '（可读）' : local.message,
        server: server.ok ? '（可读）' : server.message
      }
    ]
  }
  const lines: { column: string; local: string | null; server: string | null }[] = []
  const categoryText = (c: { menuNumber: number; name: string } | undefined) =>
    c ? `${c.menuNumber}. ${c.name}` : null
  const localCategories = local.document.categories
  const serverCategories = server.document.categories
  for (const number of new Set(
    [...localCategories, ...serverCategories].map((c) => c.menuNumber)
  )) {
    const mine = localCategories.find((c) => c.menuNumber === number)
    const theirs = serverCategories.find((c) => c.menuNumber === number)
    if (mine?.name !== theirs?.name) {
      lines.push({
        column: `类别 ${number}`,
        local: categoryText(mine),
        server: categoryText(theirs)
      })
    }
  }
  const byCode = (document: GuideDocument) =>
    new Map(
      document.categories.flatMap((c) =>
        c.businesses.map((b) => [b.code, { ...b, category: c.menuNumber }] as const)
      )
    )
  const mine = byCode(local.document)
  const theirs = byCode(server.document)
  for (const code of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(code)
    const b = theirs.get(code)
    const column = `${code} ${b?.name ?? a?.name ?? ''}`.trim()
    if (!a || !b) {
      lines.push({ column, local: a ? a.name : null, server: b ? b.name : null })
      continue
    }
    const differing = (Object.keys(FIELD_LABELS) as (keyof DocumentBusiness)[]).filter(
      (field) => JSON.stringify(a[field]) !== JSON.stringify(b[field])
    )
    const describe = (side: typeof a) =>
      [
        ...(a.category !== b.category ? [`类别：${side.category}`] : []),
        ...differing.map((field) => `${FIELD_LABELS[field]}：${fieldText(field, side[field])}`)
      ].join('；')
    if (differing.length > 0 || a.category !== b.category) {
      lines.push({ column, local: describe(a), server: describe(b) })
    }
  }
  return lines
}

/** The document as the version this PC last shared with the server (for merging; never uploaded). */
export const GUIDE_BASE_KEY = 'guide.tree.base'

/** Notes the document the server holds at the version this PC now has (in the caller's transaction). */
export function noteGuideBase(tx: Handle, value: string, at: string): void {
  tx.insert(settings)
    .values({ key: GUIDE_BASE_KEY, value, updatedAt: at, updatedBy: null })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at } })
    .run()
}

export const storedGuideBase = (tx: Handle) => storedValue(tx, GUIDE_BASE_KEY)

/** A document by its parts: categories by menu number, businesses by code (with their category). */
const partsOf = (document: GuideDocument) =>
  new Map<string, string>([
    ...document.categories.map((c) => [`category:${c.menuNumber}`, c.name] as const),
    ...document.categories.flatMap((c) =>
      c.businesses.map(
        (b) =>
          [`business:${b.code}`, JSON.stringify({ category: c.menuNumber, business: b })] as const
      )
    )
  ])

/**
 * Three-way merge of two PCs' guides made over the same base: each category and business takes
 * the side that changed it. Null when both changed the same one differently, or when the merged
 * guide fails the checks (two new businesses on one menu number); the caller then keeps the
 * conflict for the administrator. `preferLocal`: where both changed a part, this PC's wins
 * (改用本机的值 over a guide changed since the conflict).
 */
export function mergeGuideDocuments(
  baseStored: string,
  localStored: string,
  serverStored: string,
  options: { preferLocal?: boolean } = {}
): string | null {
  const [base, local, server] = [baseStored, localStored, serverStored].map(parseGuideDocument)
  if (!base?.ok || !local?.ok || !server?.ok) return null
  const [b, l, s] = [base, local, server].map((side) => partsOf(side.document)) as [
    Map<string, string>,
    Map<string, string>,
    Map<string, string>
  ]
  const merged = new Map<string, string>()
  for (const key of new Set([...b.keys(), ...l.keys(), ...s.keys()])) {
    const [was, mine, theirs] = [b.get(key), l.get(key), s.get(key)]
    const value =
      mine === was ? theirs : theirs === was || theirs === mine || options.preferLocal ? mine : null
    if (value === null) return null
    if (value !== undefined) merged.set(key, value)
  }
  const categories = [...merged]
    .filter(([key]) => key.startsWith('category:'))
    .map(([key, name]) => ({
      name,
      menuNumber: Number(key.slice('category:'.length)),
      businesses: [] as DocumentBusiness[]
    }))
    .sort((x, y) => x.menuNumber - y.menuNumber)
  for (const [key, value] of merged) {
    if (!key.startsWith('business:')) continue
    const { category, business } = JSON.parse(value) as {
      category: number
      business: DocumentBusiness
    }
    const home = categories.find((c) => c.menuNumber === category)
    if (!home) return null
    home.businesses.push(business)
  }
  for (const category of categories) {
    category.businesses.sort((x, y) => x.menuNumber - y.menuNumber)
  }
  const checked = guideDocument.safeParse({ categories })
  return checked.success ? JSON.stringify(checked.data) : null
}
