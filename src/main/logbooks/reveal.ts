import { AppError } from '../../shared/errors'
import { books, type BookKey } from '../../shared/logbooks/books'
import { revealRoles, type EntryView } from '../../shared/logbooks/contract'
import { maskIdNumber, maskPhone } from '../../shared/logbooks/mask'
import type { Role } from '../../shared/roles'
import { appendAudit } from '../audit/audit-repo'
import type { Services } from '../services'

/**
 * Who sees ID numbers and phones unmasked in logbook lists and details (domain.md: "only what the
 * work needs", least privilege; masking on screens others see):
 * - director (所长): both — signs off and supervises every entry, spot-checks and follows up
 *   residents; the one role allowed unmasked prints and exports (FULL_DATA_ROLES).
 * - field (外勤民警): phones — calls residents back and makes the home visits a phone booking
 *   promises within 24 h; ID numbers masked (a case's parties are read through 查看完整信息).
 * - clerk (窗口民警): neither — records at the window; reads one entry back through 查看完整信息
 *   with a reason, audited.
 * - auditor (审计员): neither; no logbook call is open to the auditor at all.
 * - admin (系统管理员): neither, and may not reveal — runs the system, not the cases (等保: the
 *   administrator is kept apart from the data).
 */
export const UNMASKED: Record<Role, { idNumber: boolean; phone: boolean }> = {
  director: { idNumber: true, phone: true },
  field: { idNumber: false, phone: true },
  clerk: { idNumber: false, phone: false },
  admin: { idNumber: false, phone: false },
  // The auditor reads the audit log only: logbook calls are refused before masking applies.
  auditor: { idNumber: false, phone: false }
}

type Party = { name: string; idNumber?: string; phone?: string }

/** The entry as `role` may see it on screen; `masked` says whether anything was hidden. */
export function maskEntry(entry: EntryView, role: Role): EntryView & { masked: boolean } {
  const see = UNMASKED[role]
  let masked = false
  const fields: Record<string, unknown> = { ...entry.fields }
  for (const spec of books[entry.book].fields) {
    const value = fields[spec.key]
    if (value === undefined || value === null) continue
    if (spec.kind === 'phone' && !see.phone && typeof value === 'string') {
      fields[spec.key] = maskPhone(value)
      masked = true
    } else if (spec.kind === 'parties' && Array.isArray(value)) {
      fields[spec.key] = (value as Party[]).map((party) => {
        const out: Party = { ...party }
        if (party.idNumber && !see.idNumber) {
          out.idNumber = maskIdNumber(party.idNumber)
          masked = true
        }
        if (party.phone && !see.phone) {
          out.phone = maskPhone(party.phone)
          masked = true
        }
        return out
      })
    }
  }
  return { ...entry, fields, masked }
}

/** Which identifiers an entry holds (field keys, `parties.idNumber`…), for the audit row. */
function identifiersOf(entry: EntryView): string[] {
  const found = new Set<string>()
  for (const spec of books[entry.book].fields) {
    const value = entry.fields[spec.key]
    if (spec.kind === 'phone' && typeof value === 'string') found.add(spec.key)
    if (spec.kind === 'parties' && Array.isArray(value)) {
      for (const party of value as Party[]) {
        if (party.idNumber) found.add(`${spec.key}.idNumber`)
        if (party.phone) found.add(`${spec.key}.phone`)
      }
    }
  }
  return [...found]
}

/**
 * 查看完整信息: one entry's full ID numbers and phones for an operator who gave a reason. The
 * audit row (who, which entry, which identifiers, the reason; never the values) is committed
 * before anything is returned, so no full value leaves main unaudited. Entry versions are
 * append-only, so the version read is the version audited.
 */
export async function revealEntry(
  services: Services,
  operator: { id: string; role: Role },
  input: { book: BookKey; id: string; reason: string }
): Promise<EntryView> {
  if (!(revealRoles as readonly Role[]).includes(operator.role))
    throw new AppError('FORBIDDEN', '当前账户无权查看完整的身份证号和电话')
  const { entry } = await services.logbooks.repo.get(input.book, input.id)
  services.db.transaction((tx) =>
    appendAudit(tx, services.deviceId, services.now().toISOString(), {
      operatorId: operator.id,
      action: 'logbook.reveal',
      entity: `logbook.${input.book}`,
      entityId: entry.id,
      detail: { reason: input.reason, identifiers: identifiersOf(entry) }
    })
  )
  return entry
}
