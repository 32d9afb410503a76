import { defineConfig } from 'drizzle-kit'

/** The station server's migrations, from the same table definitions as the app's (drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/main/db/schema/pg.ts',
  out: './drizzle-pg'
})
