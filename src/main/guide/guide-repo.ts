import { writeSetting } from '../settings/settings-repo'
import { randomUUID } from 'node:crypto'
import { and, asc, count, desc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../db/client'
import {
  guideBusinesses,
  guideCategories,
  guideChanges,
  guideMaterials,
  guidePromises,
  operators,
  settings
} from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import type { RepoContext } from '../auth/operators-repo'
import { AppError } from '../../shared/errors'
import type {
  BusinessInput,
  CategoryInput,
  GuideBusiness,
  GuideCategory,
  GuideChange,
  GuideTree,
  OfficeInfo
} from '../../shared/guide/contract'
import { conditionsOf } from '../../shared/guide/checklist'
import { checkMaterials, checkMenuEntry, SAMPLE_NOTICE } from '../../shared/guide/menu'
import type { SearchDoc } from '../../shared/guide/search'
import type { SeedGuide } from './seed'
import { storeGuideDocument } from './guide-document'

type Handle = Tx | Db

const OFFICE_KEY = 'guide.office'
export const defaultOffice: OfficeInfo = { phones: '', address: '', hours: '8:00–17:30' }

function readBusiness(tx: Handle, where: ReturnType<typeof eq>): GuideBusiness | undefined {
  const row = tx
    .select({
      business: guideBusinesses,
      categoryName: guideCategories.name,
      categoryMenuNumber: guideCategories.menuNumber
    })
    .from(guideBusinesses)
    .innerJoin(guideCategories, eq(guideCategories.id, guideBusinesses.categoryId))
    .where(where)
    .get()
  if (!row) return undefined
  const materials = tx
    .select({
      item: guideMaterials.item,
      required: guideMaterials.required,
      condition: guideMaterials.condition
    })
    .from(guideMaterials)
    .where(eq(guideMaterials.businessId, row.business.id))
    .orderBy(asc(guideMaterials.position))
    .all()
  const { createdAt: _created, ...business } = row.business
  return {
    ...business,
    categoryName: row.categoryName,
    categoryMenuNumber: row.categoryMenuNumber,
    materials,
    conditions: conditionsOf(materials)
  }
}

function readCategories(tx: Handle): GuideCategory[] {
  const categories = tx
    .select()
    .from(guideCategories)
    .orderBy(asc(guideCategories.menuNumber))
    .all()
  const businesses = tx
    .select({
      id: guideBusinesses.id,
      code: guideBusinesses.code,
      categoryId: guideBusinesses.categoryId,
      menuNumber: guideBusinesses.menuNumber,
      name: guideBusinesses.name,
      sample: guideBusinesses.sample
    })
    .from(guideBusinesses)
    .orderBy(asc(guideBusinesses.menuNumber))
    .all()
  return categories.map((category) => ({
    id: category.id,
    menuNumber: category.menuNumber,
    name: category.name,
    updatedAt: category.updatedAt,
    businesses: businesses
      .filter((b) => b.categoryId === category.id)
      .map(({ categoryId: _c, ...b }) => b)
  }))
}

function insertMaterials(tx: Tx, businessId: string, materials: GuideBusiness['materials']) {
  materials.forEach((material, position) =>
    tx
      .insert(guideMaterials)
      .values({ id: randomUUID(), businessId, position, ...material })
      .run()
  )
}

/** The guide's tables. Every edit writes its history row and its audit row in one transaction. */
export function createGuideRepo({ db, deviceId, now }: RepoContext) {
  const recordChange = (
    tx: Tx,
    at: string,
    actorId: string,
    change: {
      entity: 'category' | 'business'
      entityId: string
      before: unknown
      after: unknown
      code?: string
    }
  ) => {
    const action = change.before ? 'update' : 'create'
    tx.insert(guideChanges)
      .values({
        id: randomUUID(),
        at,
        operatorId: actorId,
        entity: change.entity,
        entityId: change.entityId,
        action,
        before: change.before ? JSON.stringify(change.before) : null,
        after: JSON.stringify(change.after)
      })
      .run()
    appendAudit(tx, deviceId, at, {
      operatorId: actorId,
      action: `guide.${change.entity}.${action}`,
      entity: `guide.${change.entity}`,
      entityId: change.entityId,
      detail: change.code ? { code: change.code } : null
    })
  }

  return {
    /**
     * First start: loads the shipped sample guide once, in one transaction. Like the migrations it
     * is part of installing the app, not an operator's change, so it writes no audit row; every
     * seeded row carries `sample = true`.
     */
    async seedIfEmpty(seed: SeedGuide): Promise<boolean> {
      const at = now().toISOString()
      return db.transaction((tx) => {
        if ((tx.select({ n: count() }).from(guideCategories).get()?.n ?? 0) > 0) return false
        for (const category of seed.categories) {
          const categoryId = randomUUID()
          tx.insert(guideCategories)
            .values({
              id: categoryId,
              name: category.name,
              menuNumber: category.menuNumber,
              createdAt: at,
              updatedAt: at
            })
            .run()
          for (const { materials, ...business } of category.businesses) {
            const id = randomUUID()
            tx.insert(guideBusinesses)
              .values({ id, categoryId, ...business, sample: true, createdAt: at, updatedAt: at })
              .run()
            insertMaterials(tx, id, materials)
          }
        }
        for (const promise of seed.promises) {
          tx.insert(guidePromises)
            .values({ id: randomUUID(), ...promise, sample: true })
            .run()
        }
        return true
      })
    },

    async tree(): Promise<GuideTree> {
      return {
        sampleNotice: SAMPLE_NOTICE,
        categories: readCategories(db),
        promises: db
          .select({
            code: guidePromises.code,
            text: guidePromises.text,
            sample: guidePromises.sample
          })
          .from(guidePromises)
          .all()
      }
    },

    async business(code: string): Promise<GuideBusiness> {
      const found = readBusiness(db, eq(guideBusinesses.code, code))
      if (!found) throw new AppError('NOT_FOUND', `找不到业务“${code}”`)
      return found
    },

    async searchDocs(): Promise<SearchDoc[]> {
      return readCategories(db).flatMap((category) =>
        category.businesses.map((summary) => {
          const b = readBusiness(db, eq(guideBusinesses.id, summary.id))!
          return {
            code: b.code,
            name: b.name,
            categoryName: category.name,
            materials: b.materials,
            other: [b.eligibility, b.notes, b.statutoryLimit, b.promisedTime, b.nameEn]
          }
        })
      )
    },

    async saveCategory(input: CategoryInput, actorId: string): Promise<GuideCategory> {
      const at = now().toISOString()
      const id = input.id ?? randomUUID()
      db.transaction((tx) => {
        const siblings = tx.select().from(guideCategories).all()
        const before = input.id ? siblings.find((c) => c.id === input.id) : undefined
        if (input.id && !before) throw new AppError('NOT_FOUND', '找不到该类别')
        if (before && input.updatedAt !== undefined && input.updatedAt !== before.updatedAt) {
          throw new AppError(
            'CONFLICT',
            '这个类别在您打开编辑后已被修改（另一位管理员或另一台电脑）：请关闭后重新打开再改'
          )
        }
        const errors = checkMenuEntry(input, siblings)
        if (Object.keys(errors).length) throw new AppError('VALIDATION', '菜单设置有误', errors)
        const values = { name: input.name, menuNumber: input.menuNumber, updatedAt: at }
        if (before) tx.update(guideCategories).set(values).where(eq(guideCategories.id, id)).run()
        else
          tx.insert(guideCategories)
            .values({ id, ...values, createdAt: at })
            .run()
        recordChange(tx, at, actorId, {
          entity: 'category',
          entityId: id,
          before: before ? { name: before.name, menuNumber: before.menuNumber } : null,
          after: { name: input.name, menuNumber: input.menuNumber }
        })
        storeGuideDocument(tx, at, actorId, true)
      })
      return readCategories(db).find((c) => c.id === id)!
    },

    async saveBusiness(input: BusinessInput, actorId: string): Promise<GuideBusiness> {
      const at = now().toISOString()
      const id = input.id ?? randomUUID()
      db.transaction((tx) => {
        const before = input.id ? readBusiness(tx, eq(guideBusinesses.id, input.id)) : undefined
        if (input.id && !before) throw new AppError('NOT_FOUND', '找不到该业务')
        if (before && input.updatedAt !== undefined && input.updatedAt !== before.updatedAt) {
          throw new AppError(
            'CONFLICT',
            '这项业务在您打开编辑后已被修改（另一位管理员或另一台电脑）：请记下您的修改，关闭后重新打开再改'
          )
        }
        const category = tx
          .select()
          .from(guideCategories)
          .where(eq(guideCategories.id, input.categoryId))
          .get()
        if (!category)
          throw new AppError('NOT_FOUND', '找不到该类别', { categoryId: '找不到该类别' })
        const siblings = tx
          .select({
            id: guideBusinesses.id,
            name: guideBusinesses.name,
            menuNumber: guideBusinesses.menuNumber
          })
          .from(guideBusinesses)
          .where(eq(guideBusinesses.categoryId, input.categoryId))
          .all()
        const errors = { ...checkMenuEntry(input, siblings), ...checkMaterials(input.materials) }
        const codeOwner = tx
          .select({ id: guideBusinesses.id })
          .from(guideBusinesses)
          .where(eq(guideBusinesses.code, input.code))
          .get()
        if (codeOwner && codeOwner.id !== id) errors.code = `业务代码“${input.code}”已被使用`
        if (Object.keys(errors).length) throw new AppError('VALIDATION', '业务设置有误', errors)
        const { id: _id, updatedAt: _read, materials, ...fields } = input
        const cleaned = materials.map((m) => ({
          item: m.item,
          required: m.required,
          condition: m.required ? null : (m.condition ?? null)
        }))
        if (before) {
          tx.update(guideBusinesses)
            .set({ ...fields, updatedAt: at })
            .where(eq(guideBusinesses.id, id))
            .run()
          tx.delete(guideMaterials).where(eq(guideMaterials.businessId, id)).run()
        } else {
          tx.insert(guideBusinesses)
            .values({ id, ...fields, createdAt: at, updatedAt: at })
            .run()
        }
        insertMaterials(tx, id, cleaned)
        const { updatedAt: _u, ...after } = readBusiness(tx, eq(guideBusinesses.id, id))!
        recordChange(tx, at, actorId, {
          entity: 'business',
          entityId: id,
          code: input.code,
          before: before ? { ...before, updatedAt: undefined } : null,
          after
        })
        storeGuideDocument(tx, at, actorId, true)
      })
      return readBusiness(db, eq(guideBusinesses.id, id))!
    },

    async history(code: string): Promise<GuideChange[]> {
      const business = db
        .select({ id: guideBusinesses.id })
        .from(guideBusinesses)
        .where(eq(guideBusinesses.code, code))
        .get()
      if (!business) throw new AppError('NOT_FOUND', `找不到业务“${code}”`)
      return db
        .select({
          id: guideChanges.id,
          at: guideChanges.at,
          operatorName: operators.displayName,
          entity: guideChanges.entity,
          action: guideChanges.action,
          before: guideChanges.before,
          after: guideChanges.after
        })
        .from(guideChanges)
        .leftJoin(operators, eq(operators.id, guideChanges.operatorId))
        .where(and(eq(guideChanges.entity, 'business'), eq(guideChanges.entityId, business.id)))
        .orderBy(desc(guideChanges.at))
        .all()
    },

    async office(): Promise<OfficeInfo> {
      const row = db.select().from(settings).where(eq(settings.key, OFFICE_KEY)).get()
      if (!row) return { ...defaultOffice }
      try {
        return { ...defaultOffice, ...(JSON.parse(row.value) as Partial<OfficeInfo>) }
      } catch {
        return { ...defaultOffice }
      }
    },

    async updateOffice(office: OfficeInfo, actorId: string): Promise<OfficeInfo> {
      const at = now().toISOString()
      db.transaction((tx) => {
        writeSetting(tx, OFFICE_KEY, office, at, actorId)
        appendAudit(tx, deviceId, at, {
          operatorId: actorId,
          action: 'guide.office.update',
          entity: 'settings',
          entityId: OFFICE_KEY,
          detail: { ...office }
        })
      })
      return office
    }
  }
}

export type GuideRepo = ReturnType<typeof createGuideRepo>
