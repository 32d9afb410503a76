import { afterEach, describe, expect, it } from 'vitest'
import { openSignedIn } from '../../helpers/services'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

async function withEntries() {
  const services = await openSignedIn()
  cleanups.push(services.cleanup)
  await services.auth.lock()
  await services.auth.unlock('Admin12345')
  await services.settings.update(
    { stationName: '月坛派出所' },
    { operatorId: services.auth.current()!.operator.id, deviceId: services.deviceId }
  )
  return services
}

describe('the audit chain', () => {
  it('records sign-in, lock, unlock and changes, each linked to the one before', async () => {
    const services = await withEntries()
    const { rows, total } = await services.audit.list({ page: 1, pageSize: 50 })
    expect(rows.map((row) => row.action).reverse()).toEqual([
      'operator.create',
      'auth.signIn.success',
      'auth.lock',
      'auth.unlock.success',
      'settings.update'
    ])
    expect(total).toBe(5)
    expect(rows[0]!.operatorName).toBe('王建国')
    expect(await services.audit.verify()).toEqual({ ok: true, checked: 5, firstBroken: null })
  })

  it('refuses updates and deletes of audit rows', async () => {
    const services = await withEntries()
    expect(() =>
      services.sqlite.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()
    ).toThrow(/append-only/)
    expect(() => services.sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(
      /append-only/
    )
  })

  it('reports the first row whose content was altered', async () => {
    const services = await withEntries()
    services.sqlite.exec('DROP TRIGGER audit_log_no_update')
    services.sqlite
      .prepare('UPDATE audit_log SET detail = \'{"stationName":"伪造"}\' WHERE seq = 5')
      .run()
    services.sqlite.prepare("UPDATE audit_log SET action = 'auth.lock.forged' WHERE seq = 3").run()
    const result = await services.audit.verify()
    expect(result.ok).toBe(false)
    expect(result.firstBroken).toEqual({ seq: 3, reason: '记录内容与哈希不符（记录被篡改）' })
    expect(result.checked).toBe(2)
  })

  it('reports a deleted row as a gap in the chain', async () => {
    const services = await withEntries()
    services.sqlite.exec('DROP TRIGGER audit_log_no_delete')
    services.sqlite.prepare('DELETE FROM audit_log WHERE seq = 4').run()
    const result = await services.audit.verify()
    expect(result.firstBroken?.seq).toBe(5)
    expect(result.firstBroken?.reason).toContain('序号不连续')
  })

  it('rolls the audit row back with its change', async () => {
    const services = await withEntries()
    const before = await services.audit.count()
    const actor = services.auth.current()!.operator.id
    // A duplicate user name fails inside the transaction: neither the operator nor its audit row stays.
    await expect(
      services.operators.create(
        { username: 'ADMIN', displayName: '重复', role: 'clerk', passwordHash: 'x' },
        actor
      )
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await services.audit.count()).toBe(before)
    expect(await services.operators.count()).toBe(1)
  })
})
