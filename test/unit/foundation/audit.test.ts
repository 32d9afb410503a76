import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { openSignedIn, openTestServices } from '../../helpers/services'
import { rewriteRow, truncateLog, withoutTriggers } from '../../helpers/audit-tamper'
import { ANCHOR_ACTION, appendAudit } from '../../../src/main/audit/audit-repo'
import { checkpointCopyOf } from '../../../src/main/audit/checkpoints'
import * as schema from '../../../src/main/db/schema'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

async function withEntries() {
  const services = await openSignedIn()
  cleanups.push(services.cleanup)
  await services.auth.lock()
  await services.auth.unlock('Station2026')
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
    expect(await services.audit.verify()).toMatchObject({
      ok: true,
      checked: 5,
      firstBroken: null
    })
  })

  it('reports how far a long chain is verified, and lets other work run between batches', async () => {
    const services = await withEntries()
    services.db.transaction((tx) => {
      for (let i = 0; i < 12_000; i++) {
        appendAudit(tx, services.deviceId, '2026-12-07T12:00:00.000Z', {
          operatorId: null,
          action: 'logbook.view',
          entity: 'logbook_phone',
          entityId: `entry-${i}`
        })
      }
    })
    const progress: { done: number; total: number }[] = []
    let ticks = 0
    let ticksWhenDone = -1
    const timer = setInterval(() => (ticks += 1), 0)
    try {
      const result = await services.audit.verify((p) => progress.push(p))
      ticksWhenDone = ticks
      expect(result).toMatchObject({ ok: true, checked: 12_005, firstBroken: null })
    } finally {
      clearInterval(timer)
    }
    // After each batch of 5,000 and at the end, of the 12,005 rows there were.
    expect(progress).toEqual([
      { done: 5000, total: 12_005 },
      { done: 10_000, total: 12_005 },
      { done: 12_005, total: 12_005 }
    ])
    // A timer ran while the chain was walked: the process was not held for the whole walk.
    expect(ticksWhenDone).toBeGreaterThan(0)
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

/** Ten more audited events after the five of withEntries. */
async function withMore() {
  const services = await withEntries()
  for (let i = 0; i < 10; i++)
    await services.audit.record({ operatorId: null, action: `test.${i}` })
  return services
}

describe('the audit chain anchored outside the database', () => {
  it('detects the reviewer’s rewrite: a row edited and the plain chain recomputed, triggers recreated', async () => {
    const services = await withMore()
    expect((await services.audit.verify()).ok).toBe(true)
    rewriteRow(services.sqlite, 7, '{"forged":true}')
    // The recreated triggers are back in force.
    expect(() =>
      services.sqlite.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()
    ).toThrow(/append-only/)
    const result = await services.audit.verify()
    expect(result.ok).toBe(false)
    expect(result.checked).toBe(6)
    expect(result.firstBroken).toEqual({
      seq: 7,
      reason: '密钥签名不符（记录被改写后重算了哈希链）'
    })
  })

  it('detects the last 5 rows deleted, by the signed checkpoint, naming the first missing row', async () => {
    const services = await withMore()
    expect(services.checkpoints.force()).toBe('written')
    truncateLog(services.sqlite, 5)
    expect(await services.audit.count()).toBe(10)
    const result = await services.audit.verify()
    expect(result.ok).toBe(false)
    expect(result.checked).toBe(10)
    expect(result.firstBroken?.seq).toBe(11)
    expect(result.firstBroken?.reason).toContain('记录被截断或删除')
    expect(result.firstBroken?.reason).toContain('共 15 条')
    // No checkpoint is signed over the cut log.
    expect(services.checkpoints.force()).toBe('refused')
  })

  it('detects a row re-chained under a checkpoint (same count, other head)', async () => {
    const services = await withMore()
    services.checkpoints.force()
    // Delete the head and put a row with the same seq back, chained with plain SHA-256.
    truncateLog(services.sqlite, 1)
    withoutTriggers(services.sqlite, () => {
      appendAudit(drizzle({ client: services.sqlite, schema }), services.deviceId, 'x', {
        operatorId: null,
        action: 'test.replaced'
      })
    })
    const result = await services.audit.verify()
    expect(result.firstBroken?.seq).toBe(15)
    expect(result.firstBroken?.reason).toContain('签名检查点不符')
  })

  it('cannot be extended by a connection that has no key', async () => {
    const services = await withEntries()
    const outsider = new Database(services.paths.databasePath)
    try {
      expect(() =>
        appendAudit(drizzle({ client: outsider, schema }), services.deviceId, 'x', {
          operatorId: null,
          action: 'forged'
        })
      ).toThrow(/key/)
    } finally {
      outsider.close()
    }
  })

  it('writes checkpoints 0600, throttled, and always on close', async () => {
    const services = await openSignedIn()
    const file = services.paths.checkpointFile
    try {
      expect(services.checkpoints.maybe()).toBe('written')
      expect(statSync(file).mode & 0o777).toBe(0o600)
      await services.audit.record({ operatorId: null, action: 'test.one' })
      expect(services.checkpoints.maybe()).toBe('throttled')
      for (let i = 0; i < 20; i++)
        await services.audit.record({ operatorId: null, action: `test.${i}` })
      expect(services.checkpoints.maybe()).toBe('written')
      expect(services.checkpoints.maybe()).toBe('unchanged')
      await services.audit.record({ operatorId: null, action: 'test.last' })
    } finally {
      services.close()
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(3)
    const last = JSON.parse(lines[2]!) as { seq: number; count: number }
    expect(last).toMatchObject({ seq: 24, count: 24 })
    rmSync(services.paths.dataDir, { recursive: true, force: true })
  })

  it('reports an edited, cut or reordered checkpoint file, naming the line', async () => {
    const services = await withMore()
    services.checkpoints.force()
    await services.audit.record({ operatorId: null, action: 'test.after' })
    services.checkpoints.force()
    const file = services.paths.checkpointFile
    const original = readFileSync(file, 'utf8')
    const [first, second] = original.trim().split('\n') as [string, string]

    writeFileSync(file, original.replace('"count":15', '"count":9'))
    let result = await services.audit.verify()
    expect(result.ok).toBe(false)
    expect(result.firstBroken).toBeNull()
    expect(result.checkpoints.problem).toBe(
      '审计检查点文件第 1 行签名不符（文件被改动，或密钥不是本库的）'
    )

    writeFileSync(file, `${second}\n`)
    result = await services.audit.verify()
    expect(result.checkpoints.problem).toContain('第 1 行与上一行不衔接')

    writeFileSync(file, `${first}\n${second}\n`)
    result = await services.audit.verify()
    expect(result).toMatchObject({
      ok: true,
      checkpoints: { count: 2, lastSeq: 16, problem: null }
    })
  })

  it('seals the rows of a database from before macs once, records it, and then checks them too', async () => {
    const first = await withEntries()
    const { dataDir } = first.paths
    // A database as the previous version left it: no macs, no checkpoint file.
    withoutTriggers(first.sqlite, () => first.sqlite.exec('UPDATE audit_log SET mac = NULL'))
    first.sqlite.close()
    rmSync(first.paths.checkpointFile, { force: true })

    const services = await openTestServices({ dataDir })
    cleanups.unshift(services.cleanup)
    const { rows } = await services.audit.list({ page: 1, pageSize: 1 })
    expect(rows[0]).toMatchObject({ seq: 6, action: ANCHOR_ACTION })
    expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ sealedRows: 5, headSeq: 5 })
    expect(existsSync(services.paths.checkpointFile)).toBe(true)
    expect(await services.audit.verify()).toMatchObject({ ok: true, checked: 6 })

    // A sealed old row edited and the plain chain recomputed is named exactly.
    rewriteRow(services.sqlite, 2, '{"forged":true}')
    expect((await services.audit.verify()).firstBroken?.seq).toBe(2)
  })

  it('does not re-seal: a mac removed later is reported, not filled in', async () => {
    const first = await withEntries()
    const { dataDir } = first.paths
    withoutTriggers(first.sqlite, () =>
      first.sqlite.exec('UPDATE audit_log SET mac = NULL WHERE seq = 4')
    )
    first.close()
    const services = await openTestServices({ dataDir })
    cleanups.unshift(services.cleanup)
    expect(await services.audit.count()).toBe(5)
    expect((await services.audit.verify()).firstBroken).toEqual({
      seq: 4,
      reason: '缺少密钥签名（记录在本程序之外写入或被改写）'
    })
  })

  it('puts the checkpoint file beside each new backup', async () => {
    const services = await withEntries()
    const backup = await services.backup()
    expect(backup.created).toBe(true)
    const copy = checkpointCopyOf(backup.file)
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(services.paths.checkpointFile, 'utf8'))
    expect(statSync(copy).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(copy, 'utf8').trim())).toMatchObject({ seq: 5, count: 5 })
  })
})
