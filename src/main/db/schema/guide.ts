import { bookKeys } from '../../../shared/logbooks/books'
import type { Kit } from './kit/types'
import type { Foundation } from './foundation'

/** The service guide: the phone menu's two levels (categories, businesses) and the materials. */
export function defineGuide(kit: Kit, { operators }: { operators: Foundation['operators'] }) {
  const { table, text, integer, boolean, index, uniqueIndex } = kit

  const guideCategories = table(
    'guide_categories',
    {
      id: text('id').primaryKey(),
      menuNumber: integer('menu_number').notNull(),
      name: text('name').notNull(),
      createdAt: text('created_at').notNull(),
      updatedAt: text('updated_at').notNull()
    },
    (t) => [uniqueIndex('guide_categories_menu_unique').on(t.menuNumber)]
  )

  const guideBusinesses = table(
    'guide_businesses',
    {
      id: text('id').primaryKey(),
      /** Stable short code (HK-OUT) for the CLI and links. */
      code: text('code').notNull(),
      categoryId: text('category_id')
        .notNull()
        .references(() => guideCategories.id),
      menuNumber: integer('menu_number').notNull(),
      name: text('name').notNull(),
      nameEn: text('name_en').notNull().default(''),
      counter: text('counter').notNull().default(''),
      eligibility: text('eligibility').notNull().default(''),
      statutoryLimit: text('statutory_limit').notNull().default(''),
      promisedTime: text('promised_time').notNull().default(''),
      validity: text('validity').notNull().default(''),
      fee: text('fee').notNull().default(''),
      /** One provision per line. */
      legalBasis: text('legal_basis').notNull().default(''),
      notes: text('notes').notNull().default(''),
      /** The register (登记簿) this business creates an entry in; null when it creates none. */
      register: text('register', { enum: bookKeys }),
      /** Seeded sample content not yet checked against the local bureau's published guide. */
      sample: boolean('sample').notNull().default(true),
      createdAt: text('created_at').notNull(),
      updatedAt: text('updated_at').notNull()
    },
    (t) => [
      uniqueIndex('guide_businesses_code_unique').on(t.code),
      uniqueIndex('guide_businesses_menu_unique').on(t.categoryId, t.menuNumber)
    ]
  )

  const guideMaterials = table(
    'guide_materials',
    {
      id: text('id').primaryKey(),
      businessId: text('business_id')
        .notNull()
        .references(() => guideBusinesses.id, { onDelete: 'cascade' }),
      position: integer('position').notNull(),
      item: text('item').notNull(),
      required: boolean('required').notNull(),
      /** When a conditional material is needed ("他人代办"); null for required ones. */
      condition: text('condition')
    },
    (t) => [index('guide_materials_business_idx').on(t.businessId, t.position)]
  )

  /** The station's promises (服务承诺) shipped with the sample guide. */
  const guidePromises = table('guide_promises', {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    text: text('text').notNull(),
    sample: boolean('sample').notNull().default(true)
  })

  /** Append-only change history: each edit keeps the record as it was and as it became. */
  const guideChanges = table(
    'guide_changes',
    {
      id: text('id').primaryKey(),
      at: text('at').notNull(),
      operatorId: text('operator_id').references(() => operators.id),
      entity: text('entity', { enum: ['category', 'business'] }).notNull(),
      entityId: text('entity_id').notNull(),
      action: text('action', { enum: ['create', 'update'] }).notNull(),
      before: text('before'),
      after: text('after').notNull()
    },
    (t) => [index('guide_changes_entity_idx').on(t.entity, t.entityId, t.at)]
  )

  return { guideCategories, guideBusinesses, guideMaterials, guidePromises, guideChanges }
}

export type Guide = ReturnType<typeof defineGuide>
