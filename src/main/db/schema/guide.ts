import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { bookKeys } from '../../../shared/logbooks/books'
import { operators } from './foundation'

/** The service guide: the phone menu's two levels (categories, businesses) and the materials. */

export const guideCategories = sqliteTable(
  'guide_categories',
  {
    id: text('id').primaryKey(),
    menuNumber: integer('menu_number').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (table) => [uniqueIndex('guide_categories_menu_unique').on(table.menuNumber)]
)

export const guideBusinesses = sqliteTable(
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
    sample: integer('sample', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (table) => [
    uniqueIndex('guide_businesses_code_unique').on(table.code),
    uniqueIndex('guide_businesses_menu_unique').on(table.categoryId, table.menuNumber)
  ]
)

export const guideMaterials = sqliteTable(
  'guide_materials',
  {
    id: text('id').primaryKey(),
    businessId: text('business_id')
      .notNull()
      .references(() => guideBusinesses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    item: text('item').notNull(),
    required: integer('required', { mode: 'boolean' }).notNull(),
    /** When a conditional material is needed ("他人代办"); null for required ones. */
    condition: text('condition')
  },
  (table) => [index('guide_materials_business_idx').on(table.businessId, table.position)]
)

/** The station's promises (服务承诺) shipped with the sample guide. */
export const guidePromises = sqliteTable('guide_promises', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  text: text('text').notNull(),
  sample: integer('sample', { mode: 'boolean' }).notNull().default(true)
})

/** Append-only change history: each edit keeps the record as it was and as it became. */
export const guideChanges = sqliteTable(
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
  (table) => [index('guide_changes_entity_idx').on(table.entity, table.entityId, table.at)]
)
