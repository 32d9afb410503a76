import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type OpenDatabase } from '../../src/main/db/client'
import { liaisonLog as localLiaison, operators as localOperators } from '../../src/main/db/schema'
import { liaisonLog as serverLiaison } from '../../src/main/db/schema/pg'
import { containsText } from '../../src/main/db/text-filter'
import { migrateServerDatabase } from '../../src/main/station/migrate'
import { migrationsFolder, repoRoot, tempDir } from '../helpers/services'
import { createServerDatabase, OWNER, roleClient, WINDOW } from '../helpers/pg-test'

const TEXTS = [
  '张三 户口迁移登记 东城区',
  '李四 户口迁出 Zhang San',
  'ZHANG 预约上门',
  'zhangsan@example 身份证',
  'Ärger 外籍 ärger',
  '折扣 100% 完成',
  'a_b 下划线',
  'aXb 不是下划线',
  '反斜杠 C:\\temp',
  'ＡＢＣ 全角字母',
  '戶口 繁体',
  '𠮷野家 生僻字',
  '迁移 户口 倒序'
]

const NEEDLES = [
  '户口',
  '户口迁移',
  'zhang',
  'ZHANG SAN',
  'Zhang',
  'ä',
  'Ä',
  '100%',
  '%',
  'a_b',
  '_',
  '\\',
  'C:\\t',
  'abc',
  'ＡＢＣ',
  '戶口',
  '𠮷',
  '迁移登记',
  '不存在的词'
]

describe('text filter: the same hits on SQLite and PostgreSQL', () => {
  let local: OpenDatabase
  let serverClient: pg.Client
  const ids: string[] = TEXTS.map(() => randomUUID())
  const at = '2026-12-06T02:00:00.000Z'

  beforeAll(async () => {
    local = await openDatabase({ file: join(tempDir(), 'text.sqlite'), migrationsFolder })
    const database = await createServerDatabase('text')
    const owner = await roleClient(OWNER, database)
    await migrateServerDatabase(owner, join(repoRoot, 'drizzle-pg'))
    await owner.end()
    serverClient = await roleClient(WINDOW, database)
    const operator = {
      id: randomUUID(),
      username: 'clerk',
      displayName: '王',
      role: 'clerk' as const,
      passwordHash: 'x',
      createdAt: at,
      updatedAt: at
    }
    const rows = TEXTS.map((text, i) => ({
      id: ids[i],
      rootId: ids[i],
      version: 1,
      occurredAt: at,
      status: 'done',
      searchText: text,
      createdAt: at,
      createdBy: operator.id,
      contactName: '张三',
      matter: text
    }))
    local.db.insert(localOperators).values(operator).run()
    local.db.insert(localLiaison).values(rows).run()
    const server = drizzle({ client: serverClient })
    await server.execute(
      `INSERT INTO operators (id, username, display_name, role, password_hash, created_at, updated_at)
       VALUES ('${operator.id}', 'clerk', '王', 'clerk', 'x', '${at}', '${at}')`
    )
    // The same row objects through the PG tables (typed as the SQLite ones).
    await (server as unknown as typeof local.db).insert(serverLiaison).values(rows)
  })
  afterAll(async () => {
    local.sqlite.close()
    await serverClient.end()
  })

  it.each(NEEDLES)('“%s” finds the same entries', async (needle) => {
    const localHits = local.db
      .select({ id: localLiaison.id })
      .from(localLiaison)
      .where(containsText('sqlite', localLiaison.searchText, needle))
      .all()
      .map((row) => TEXTS[ids.indexOf(row.id)])
      .sort()
    const server = drizzle({ client: serverClient }) as unknown as typeof local.db
    const serverHits = (
      await server
        .select({ id: serverLiaison.id })
        .from(serverLiaison)
        .where(containsText('pg', serverLiaison.searchText, needle))
    )
      .map((row) => TEXTS[ids.indexOf(row.id)])
      .sort()
    expect(serverHits).toEqual(localHits)
  })

  it('finds what a clerk expects (ASCII case folded, other letters exact, wildcards literal)', () => {
    const hits = (needle: string) =>
      local.db
        .select({ id: localLiaison.id })
        .from(localLiaison)
        .where(containsText('sqlite', localLiaison.searchText, needle))
        .all().length
    expect(hits('zhang')).toBe(3)
    expect(hits('%')).toBe(1)
    expect(hits('_')).toBe(1)
    expect(hits('abc')).toBe(0)
    expect(hits('ä')).toBe(1)
  })

  it('answers a Chinese text filter on PostgreSQL from the trigram index', async () => {
    await serverClient.query('SET enable_seqscan = off')
    const plan = await serverClient.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM logbook_liaison
        WHERE bianmin_fold(search_text) LIKE bianmin_fold('%户口迁移%') ESCAPE '\\'`
    )
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      'logbook_liaison_search_trgm_idx'
    )
    await serverClient.query('RESET enable_seqscan')
  })
})
