// One station client of the station benchmark (bench/station.ts), run as its own process like one
// app window: one connection over TCP with TLS and a password, then `count` phone-book entries,
// each in its own transaction with its blind-index row and its audit row, as the app's create
// writes them. Reports each transaction's latency to the parent.
import { createHash } from 'node:crypto'
import { desc, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { PgTable } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { hashAuditRow, GENESIS_HASH, macAuditHash } from '../src/main/audit/audit-repo'
import { createDataCipher } from '../src/main/crypto/cipher'
import { uuidV7 } from '../src/main/db/uuid7'
import { auditLog, logbookBlindIndex, phoneLog } from '../src/main/db/schema/pg'
import { randomUUID } from 'node:crypto'
import { phoneBooking } from './phone-book'

export interface ClientJob {
  connection: pg.ClientConfig
  deviceId: string
  count: number
  /** Index of this client's first booking in the generator (names, matters, phone numbers). */
  first: number
  officers: string[]
  actorId: string
}

export type ClientMessage =
  | { type: 'ready' }
  | { type: 'done'; latenciesMs: number[]; wallMs: number; cpuMs: number }
  | { type: 'error'; message: string }

const send = (message: ClientMessage) => process.send!(message)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const table = (t: unknown) => t as PgTable

/** A bench-only key vault: fixed keys derived from their purpose. */
const benchKey = (purpose: string) =>
  createHash('sha256').update(`station-bench:${purpose}`).digest()

async function run(job: ClientJob): Promise<void> {
  const client = new pg.Client(job.connection)
  await client.connect()
  const db = drizzle({ client })
  const cipher = createDataCipher({ key: benchKey } as Parameters<typeof createDataCipher>[0])
  const macKey = benchKey('audit-chain')
  send({ type: 'ready' })
  await new Promise<void>((resolve) => process.once('message', () => resolve()))

  const latenciesMs: number[] = []
  const cpuStart = process.cpuUsage()
  const wallStart = process.hrtime.bigint()
  for (let n = 0; n < job.count; n++) {
    const b = phoneBooking(job.first + n, job.officers, job.actorId)
    const t0 = process.hrtime.bigint()
    const now = new Date()
    const at = now.toISOString()
    const id = uuidV7(now.getTime())
    await db.transaction(async (tx) => {
      // The head of this device's chain (one chain per PC, from seq 1), read in the transaction.
      const [head] = await tx
        .select({ seq: sql<number>`${auditLog.seq}`, hash: sql<string>`${auditLog.hash}` })
        .from(table(auditLog))
        .where(eq(auditLog.deviceId, job.deviceId))
        .orderBy(desc(auditLog.seq))
        .limit(1)
      await tx.insert(table(phoneLog)).values({
        id,
        rootId: id,
        version: 1,
        occurredAt: at,
        status: 'open',
        ruleCode: 'SLA-HOME-VISIT',
        dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
        officerId: b.officerId,
        searchText: b.searchText,
        createdAt: at,
        createdBy: job.actorId,
        callerName: b.callerName,
        sex: b.sex,
        address: b.address,
        matter: b.matter,
        callerPhone: cipher.sealText(b.phone, 'logbook.phone.callerPhone')
      } as never)
      await tx.insert(table(logbookBlindIndex)).values({
        token: cipher.blindIndex('phone', b.phone),
        book: 'phone',
        entryId: id
      } as never)
      const fields = {
        id: randomUUID(),
        seq: (head?.seq ?? 0) + 1,
        deviceId: job.deviceId,
        at,
        operatorId: job.actorId,
        action: 'logbook.create',
        entity: 'logbook.phone',
        entityId: id,
        detail: null,
        prevHash: head?.hash ?? GENESIS_HASH
      }
      const hash = hashAuditRow(fields)
      await tx
        .insert(table(auditLog))
        .values({ ...fields, hash, mac: macAuditHash(macKey, hash) } as never)
    })
    latenciesMs.push(ms(t0))
  }
  const wallMs = ms(wallStart)
  const cpu = process.cpuUsage(cpuStart)
  await client.end()
  send({ type: 'done', latenciesMs, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })
}

process.once('message', (job: ClientJob) => {
  run(job).then(
    () => process.exit(0),
    (error: unknown) => {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) })
      process.exit(1)
    }
  )
})
