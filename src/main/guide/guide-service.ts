import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { stationDate } from '../../shared/dates'
import type { BusinessInput, CategoryInput, PaperSize } from '../../shared/guide/contract'
import { composeChecklist } from '../../shared/guide/checklist'
import { voiceScript } from '../../shared/guide/menu'
import { buildSearchIndex, searchGuide } from '../../shared/guide/search'
import type { createAuditRepo } from '../audit/audit-repo'
import type { SettingsRepo } from '../settings/settings-repo'
import { renderChecklistPdf } from './checklist-pdf'
import type { GuideRepo } from './guide-repo'
import { fileStamp } from '../../shared/logbooks/time'

export interface GuideServiceDeps {
  repo: GuideRepo
  settings: SettingsRepo
  audit: ReturnType<typeof createAuditRepo>
  /** Where printouts and exports are written (the only folder documents are opened from). */
  exportDir: string
  now: () => Date
  /** Opens a document in the system viewer for printing (given by main; absent in tests/CLI). */
  openDocument?: ((path: string) => Promise<void>) | undefined
}

/** The guide's behaviour over its repository: search, checklists, the voice script. */
export function createGuideService(deps: GuideServiceDeps) {
  const { repo, audit, now } = deps
  let index: ReturnType<typeof buildSearchIndex> | null = null
  const outDir = () => {
    mkdirSync(deps.exportDir, { recursive: true })
    return deps.exportDir
  }

  return {
    repo,

    async search(query: string) {
      index ??= buildSearchIndex(await repo.searchDocs())
      return searchGuide(index, query)
    },

    /** The guide's tables changed behind the service (another PC's guide taken from the server). */
    forgetSearchIndex() {
      index = null
    },

    async saveBusiness(input: BusinessInput, actorId: string) {
      const saved = await repo.saveBusiness(input, actorId)
      index = null
      return saved
    },

    async saveCategory(input: CategoryInput, actorId: string) {
      const saved = await repo.saveCategory(input, actorId)
      index = null
      return saved
    },

    /** Makes the checklist PDF, writes it into the exports folder, audits the print, opens it if asked. */
    async checklist(
      input: { code: string; conditions: string[]; size: PaperSize; open: boolean },
      actorId: string | null
    ) {
      const business = await repo.business(input.code)
      const unknown = input.conditions.filter((c) => !business.conditions.includes(c))
      if (unknown.length) {
        throw new AppError('VALIDATION', `“${business.name}”没有此情形：${unknown.join('、')}`, {
          conditions: '情形不在该业务的材料条件中'
        })
      }
      const at = now()
      const office = {
        ...(await repo.office()),
        stationName: (await deps.settings.get()).stationName
      }
      const list = composeChecklist(business, input.conditions, office, stationDate(at))
      const pdf = await renderChecklistPdf(list, input.size)
      const path = join(outDir(), `checklist-${business.code}-${fileStamp(at)}.pdf`)
      writeFileSync(path, pdf.bytes)
      await audit.record({
        operatorId: actorId,
        action: 'guide.checklist.print',
        entity: 'guide.business',
        entityId: business.id,
        detail: { code: business.code, conditions: input.conditions, size: input.size, path }
      })
      let opened = false
      if (input.open && deps.openDocument) {
        await deps.openDocument(path)
        opened = true
      }
      return {
        path,
        text: pdf.text,
        pages: pdf.pages,
        opened,
        missingCharacters: pdf.missingCharacters,
        bytes: pdf.bytes
      }
    },

    async voiceScript(save: boolean, actorId: string | null) {
      const tree = await repo.tree()
      const text = voiceScript({
        stationName: (await deps.settings.get()).stationName,
        categories: tree.categories
      })
      if (!save) return { text, path: null }
      const path = join(outDir(), `voice-menu-${fileStamp(now())}.txt`)
      writeFileSync(path, text, 'utf8')
      await audit.record({
        operatorId: actorId,
        action: 'guide.voiceScript.export',
        entity: 'guide',
        detail: { path }
      })
      return { text, path }
    }
  }
}

export type GuideService = ReturnType<typeof createGuideService>
