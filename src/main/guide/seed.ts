import seedFile from '../../../resources/guide/service-guide.sample.json'
import type { BookKey } from '../../shared/logbooks/books'
import { sampleRegisterOf } from '../../shared/guide/registers'

/** The shipped sample guide (resources/guide), read into the shape the repository inserts. */

interface SeedService {
  id: string
  category: string
  name_zh: string
  name_en?: string
  counter?: string
  eligibility?: string
  legal_basis?: string[]
  materials?: { item: string; required: boolean; condition?: string }[]
  statutory_limit?: string | null
  sample_commitment?: string | null
  validity?: string | null
  fee?: string | null
  notes?: string | null
  subtypes?: string[]
  triggers?: string[]
  not_issued?: string[]
  issued_examples?: string[]
  endorsement_types?: string[]
}

export interface SeedBusiness {
  code: string
  menuNumber: number
  name: string
  nameEn: string
  counter: string
  eligibility: string
  statutoryLimit: string
  promisedTime: string
  validity: string
  fee: string
  legalBasis: string
  notes: string
  register: BookKey | null
  materials: { item: string; required: boolean; condition: string | null }[]
}

export interface SeedGuide {
  categories: { name: string; menuNumber: number; businesses: SeedBusiness[] }[]
  promises: { code: string; text: string }[]
}

const lists: [keyof SeedService, string][] = [
  ['subtypes', '类型'],
  ['triggers', '换领情形'],
  ['not_issued', '不再开具'],
  ['issued_examples', '可开具'],
  ['endorsement_types', '签注种类']
]

/** Categories numbered in order of first appearance, businesses in file order within each. */
export function sampleGuide(): SeedGuide {
  const services = seedFile.services as SeedService[]
  const categories: SeedGuide['categories'] = []
  for (const service of services) {
    let category = categories.find((c) => c.name === service.category)
    if (!category) {
      category = { name: service.category, menuNumber: categories.length + 1, businesses: [] }
      categories.push(category)
    }
    const extra = lists.flatMap(([key, label]) => {
      const value = service[key]
      return Array.isArray(value) && value.length ? [`${label}：${value.join('；')}`] : []
    })
    category.businesses.push({
      code: service.id,
      menuNumber: category.businesses.length + 1,
      name: service.name_zh,
      nameEn: service.name_en ?? '',
      counter: service.counter ?? '',
      eligibility: service.eligibility ?? '',
      statutoryLimit: service.statutory_limit ?? '',
      promisedTime: service.sample_commitment ?? '',
      validity: service.validity ?? '',
      fee: service.fee ?? '',
      legalBasis: (service.legal_basis ?? []).join('\n'),
      notes: [service.notes ?? '', ...extra].filter(Boolean).join('\n'),
      register: sampleRegisterOf(service.id),
      materials: (service.materials ?? []).map((m) => ({
        item: m.item,
        required: m.required,
        condition: m.condition ?? null
      }))
    })
  }
  const promises = seedFile.station_commitments_1998.map((p) => ({ code: p.id, text: p.text }))
  return { categories, promises }
}
