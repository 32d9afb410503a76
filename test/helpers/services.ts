import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { hashPassword } from '../../src/main/auth/password'
import { createServices, type ServiceOptions, type Services } from '../../src/main/services'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const migrationsFolder = join(repoRoot, 'drizzle')

export const tempDir = (prefix = 'bianmin-test-') => mkdtempSync(join(tmpdir(), prefix))

/** A settable clock for lockout and deadline tests. */
export function fakeClock(start = '2026-11-28T01:00:00.000Z') {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    advanceMinutes: (minutes: number) => {
      current += minutes * 60_000
    },
    set: (iso: string) => {
      current = new Date(iso).getTime()
    }
  }
}

/** Real services on a real SQLite file in a fresh temp folder, with the real migrations. */
export async function openTestServices(
  options: Partial<ServiceOptions> = {}
): Promise<Services & { cleanup: () => void }> {
  const dataDir = options.dataDir ?? tempDir()
  const services = await createServices({
    dataDir,
    migrationsFolder,
    appVersion: 'test',
    ...options
  })
  return Object.assign(services, {
    cleanup: () => {
      services.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

export const ADMIN = { username: 'admin', displayName: '王建国', password: 'Station2026' }

/** Services with an administrator set up and signed in. */
export async function openSignedIn(options: Partial<ServiceOptions> = {}) {
  const services = await openTestServices(options)
  await services.auth.setupAdmin(ADMIN)
  return services
}

export const CLERK = { username: 'li', displayName: '李娜', password: 'Clerk12345' }

/** Adds the clerk 李娜 (CLERK), made by the administrator signed in on `services`. */
export async function addClerk(services: Services): Promise<void> {
  await services.operators.create(
    {
      username: CLERK.username,
      displayName: CLERK.displayName,
      role: 'clerk',
      passwordHash: await hashPassword(CLERK.password)
    },
    services.auth.current()!.operator.id
  )
}
