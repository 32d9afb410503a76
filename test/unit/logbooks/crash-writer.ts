/**
 * Child process for the crash test: opens the real services on the given folder and records
 * liaison entries one transaction at a time, printing each committed entry's id, until killed.
 */
import { createServices } from '../../../src/main/services'
import { migrationsFolder } from '../../helpers/services'

const dataDir = process.argv[2]!
const services = await createServices({ dataDir, migrationsFolder, appVersion: 'crash' })
const actor = (await services.operators.list())[0]!.id
for (let i = 0; ; i++) {
  const { entry } = await services.logbooks.service.create(
    {
      book: 'liaison',
      occurredAt: new Date(Date.UTC(2026, 10, 1, 2, 0, i % 60)).toISOString(),
      status: 'open',
      fields: { contactName: '陈静', matter: `事项 ${i} ${'长'.repeat(200)}` }
    },
    actor
  )
  process.stdout.write(`${entry.id}\n`)
}
