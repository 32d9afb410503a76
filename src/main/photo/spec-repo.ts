import { asc, eq, max } from 'drizzle-orm'
import type { Db } from '../db/client'
import { photoSpecs } from '../db/schema'
import { appendAudit } from '../audit/audit-repo'
import { AppError } from '../../shared/errors'
import { photoSpec, specProblems, type PhotoSpec } from '../../shared/photo/spec'
import seed from '../../../resources/photo/specs.json'

export interface SpecRepoContext {
  db: Db
  deviceId: string
  now: () => Date
}

/** Parses a stored or submitted spec and refuses one whose numbers contradict each other. */
export function checkedSpec(value: unknown): PhotoSpec {
  const parsed = photoSpec.safeParse(value)
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])
    )
    throw new AppError('VALIDATION', '照片规格格式不正确', fields)
  }
  const problems = specProblems(parsed.data)
  if (problems.length)
    throw new AppError('VALIDATION', `规格自相矛盾：${problems.join('；')}`, {
      spec: problems.join('；')
    })
  return parsed.data
}

/** The document photo specs: seeded once from resources/photo/specs.json, then editable. */
export function createSpecRepo({ db, deviceId, now }: SpecRepoContext) {
  const seedMissing = () => {
    const at = now().toISOString()
    db.transaction((tx) => {
      seed.specs.forEach((value, index) => {
        const spec = checkedSpec(value)
        tx.insert(photoSpecs)
          .values({ id: spec.id, data: JSON.stringify(spec), sortOrder: index, updatedAt: at })
          .onConflictDoNothing()
          .run()
      })
    })
  }
  seedMissing()

  const list = (): PhotoSpec[] =>
    db
      .select()
      .from(photoSpecs)
      .orderBy(asc(photoSpecs.sortOrder))
      .all()
      .map((row) => photoSpec.parse(JSON.parse(row.data)))

  return {
    async list(): Promise<PhotoSpec[]> {
      return list()
    },

    async get(id: string): Promise<PhotoSpec> {
      const row = db.select().from(photoSpecs).where(eq(photoSpecs.id, id)).get()
      if (!row) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的照片规格`)
      return photoSpec.parse(JSON.parse(row.data))
    },

    /** Creates or replaces a spec after validation; audited in the same transaction. */
    async save(value: unknown, operatorId: string | null): Promise<PhotoSpec> {
      const spec = checkedSpec(value)
      const at = now().toISOString()
      db.transaction((tx) => {
        const existing = tx.select().from(photoSpecs).where(eq(photoSpecs.id, spec.id)).get()
        const order =
          existing?.sortOrder ??
          (tx
            .select({ n: max(photoSpecs.sortOrder) })
            .from(photoSpecs)
            .get()?.n ?? -1) + 1
        const row = {
          id: spec.id,
          data: JSON.stringify(spec),
          sortOrder: order,
          updatedAt: at,
          updatedBy: operatorId
        }
        tx.insert(photoSpecs)
          .values(row)
          .onConflictDoUpdate({ target: photoSpecs.id, set: row })
          .run()
        appendAudit(tx, deviceId, at, {
          operatorId,
          action: existing ? 'photo.spec.update' : 'photo.spec.create',
          entity: 'photo_spec',
          entityId: spec.id,
          detail: { before: existing ? JSON.parse(existing.data) : null, after: spec }
        })
      })
      return spec
    }
  }
}

export type SpecRepo = ReturnType<typeof createSpecRepo>
