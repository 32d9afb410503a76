// One file per feature; drizzle-kit reads them all through this index.
export * from './foundation'
export * from './calendar'
export * from './logbooks'
export * from './guide'
export * from './address'
export * from './photo'
export * from './staff'
export * from './queue'
