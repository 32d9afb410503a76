import type { RunningApp } from './harness'

export const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
export const FIELD = { username: 'zhao.field', displayName: '赵刚', password: 'Field12345' }
export const DIRECTOR = {
  username: 'zhang.director',
  displayName: '张所长',
  password: 'Director123'
}

/**
 * Adds the clerk, a field officer and the director, registers the given cards (username → card
 * number) and widens the reader's key gap for a loaded CI machine. Returns ids by username.
 */
export async function addOfficers(services: RunningApp['services'], cards: Record<string, string>) {
  const adminId = services.auth.current()!.operator.id
  const ids: Record<string, string> = {}
  for (const [who, role] of [
    [CLERK, 'clerk'],
    [FIELD, 'field'],
    [DIRECTOR, 'director']
  ] as const) {
    const row = await services.operators.create(
      { ...who, role, passwordHash: await services.auth.hashPassword(who.password) },
      adminId
    )
    ids[who.username] = row.id
  }
  for (const [username, card] of Object.entries(cards))
    services.staff.registerCard(ids[username]!, card, adminId)
  // A loaded CI machine delays key events: allow 150 ms between a reader's keys.
  await services.staff.updateConfig(
    { ...services.staff.config(), wedge: { maxGapMs: 150, minDigits: 6, maxDigits: 20 } },
    adminId
  )
  return { adminId, ids }
}
