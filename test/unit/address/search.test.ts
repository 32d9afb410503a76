import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSignedIn } from '../../helpers/services'

type Services = Awaited<ReturnType<typeof openSignedIn>>
let services: Services
let admin: string

beforeAll(async () => {
  services = await openSignedIn()
  admin = services.auth.current()!.operator.id
})
afterAll(() => services.cleanup())

const top = (query: string, limit = 10) => services.address.search(query, limit)
const pairs = (query: string, limit = 10) =>
  top(query, limit).map((h) => `${h.oldText}→${h.newText}`)

describe('seeded administrative changes', () => {
  it('resolves merged and renamed districts with year and document', () => {
    const [xuanwu] = top('宣武区')
    expect(xuanwu).toMatchObject({
      oldText: '北京市宣武区',
      newText: '北京市西城区',
      effective: '2010',
      source: '国函〔2010〕55号'
    })
    expect(top('崇文区')[0]).toMatchObject({ newText: '北京市东城区', source: '国函〔2010〕55号' })
    expect(top('昌平县')[0]).toMatchObject({ newText: '北京市昌平区', effective: '1999' })
  })

  it('finds a division from the new side as well (new → old)', () => {
    const hits = top('北京市西城区', 30)
    const hit = hits.find((h) => h.oldText === '北京市宣武区')
    expect(hit?.matched).toBe('new')
  })
})

describe('query forms', () => {
  const street = '西城区月坛街道月坛北街5号→西城区月坛街道月坛北街15号'
  it.each([
    ['Chinese substring', '月坛北街'],
    ['full pinyin', 'yuetanbeijie'],
    ['pinyin initials', 'ytbj'],
    ['mixed', '月坛bj'],
    ['homophone typo', '月谭北街'],
    ['missing character', '月北街'],
    ['extra character', '月坛北北街'],
    ['traditional characters', '月壇北街'],
    ['full-width digits and 號', '月坛北街５號']
  ])('%s: %s', (_kind, query) => {
    expect(pairs(query)).toContain(street)
  })

  it('ranks the numbered address first when the number is given', () => {
    expect(pairs('ytbj5')[0]).toBe(street)
    expect(pairs('月坛北街5号')[0]).toBe(street)
  })

  it('finds xwq → 宣武区 → 西城区 first', () => {
    expect(pairs('xwq')[0]).toBe('北京市宣武区→北京市西城区')
  })

  it('answers an old district query with addresses now under the new district', () => {
    const hits = top('宣武区右安门内大街7号')
    expect(hits[0]?.newText).toBe('北京市西城区白纸坊街道右安门内大街7号')
  })

  it('rewrites an old division to its new name from the very first start', () => {
    // Stored only under the new district: the old name can reach it only through the alias.
    services.address.create(
      {
        oldText: '北京市西城区广安门内街道枣林前街甲9号',
        newText: '北京市西城区广安门内街道枣林前街9号',
        effective: '2021',
        source: null,
        note: null
      },
      admin
    )
    const [hit] = top('宣武区广安门内街道枣林前街甲9号')
    expect(hit).toMatchObject({ how: 'alias', newText: '北京市西城区广安门内街道枣林前街9号' })
  })

  it('marks the matched and the changed spans', () => {
    const [hit] = top('白云观街3号')
    expect(hit!.highlights.old[0]).toEqual({ start: 7, end: 13 })
    expect(hit!.changedParts).toContain('road')
    expect(hit!.newText.slice(hit!.changed.new.start, hit!.changed.new.end)).toBe('路')
  })
})

describe('chains', () => {
  it('follows A → B → C with the path, from either end', () => {
    const a = '西城区月坛街道白云观街3号'
    const b = '西城区月坛街道白云路3号'
    const c = '西城区月坛街道白云路13号'
    for (const query of ['白云观街3号', '白云路13号']) {
      const hit = top(query).find((h) => h.chain.length > 1)!
      expect(hit.chain.map((s) => s.oldText)).toEqual([a, b])
      expect(hit.chain.at(-1)!.newText).toBe(c)
    }
  })

  it('chains hand-entered changes and stops at cycles', () => {
    services.address.create(
      { oldText: '甲胡同1号', newText: '乙胡同1号', effective: '1990' },
      admin
    )
    services.address.create({ oldText: '乙胡同1号', newText: '丙街1号', effective: '2000' }, admin)
    services.address.create({ oldText: '丙街1号', newText: '甲胡同1号', effective: '2010' }, admin)
    const hit = top('甲胡同1号').find((h) => h.oldText === '甲胡同1号')!
    expect(hit.chain.map((s) => s.newText)).toEqual(['乙胡同1号', '丙街1号', '甲胡同1号'])
  })
})

describe('editing', () => {
  it('finds a name by a reading the station added, persisted and audited', async () => {
    services.address.create({ oldText: '西城区大栅栏1号', newText: '西城区大栅栏街1号' }, admin)
    expect(pairs('dsl')).not.toContain('西城区大栅栏1号→西城区大栅栏街1号')
    const before = await services.audit.count()
    expect(services.address.addReading('大栅栏', ' Da  Shi Lar ', admin)).toEqual({
      term: '大栅栏',
      readings: ['da shi lar']
    })
    expect(pairs('dsl')).toContain('西城区大栅栏1号→西城区大栅栏街1号')
    expect(pairs('dashilar')).toContain('西城区大栅栏1号→西城区大栅栏街1号')
    expect(await services.audit.count()).toBe(before + 1)
    expect(
      services.sqlite.prepare("SELECT extra FROM address_vocab WHERE term = '大栅栏'").get()
    ).toEqual({ extra: 'da shi lar' })
    expect(() => services.address.addReading('没有这条路', 'mei you', admin)).toThrow(
      '对照表中没有这个路名或地名'
    )
    expect(services.address.readings('大栅栏')).toEqual({
      term: '大栅栏',
      readings: ['da shi lar']
    })

    // Removing it: audited, persisted, and `dsl` no longer finds the name.
    expect(services.address.removeReading('大栅栏', 'da shi lar', admin)).toEqual({
      term: '大栅栏',
      readings: []
    })
    expect(await services.audit.count()).toBe(before + 2)
    expect(
      services.sqlite.prepare("SELECT extra FROM address_vocab WHERE term = '大栅栏'").get()
    ).toEqual({ extra: null })
    expect(pairs('dsl')).not.toContain('西城区大栅栏1号→西城区大栅栏街1号')
    expect(pairs('dashilar')).not.toContain('西城区大栅栏1号→西城区大栅栏街1号')
    expect(() => services.address.removeReading('大栅栏', 'da shi lar', admin)).toThrow(
      '这个名称没有该读音'
    )
  })

  it('audits create, update and delete, and keeps the index current', async () => {
    const before = await services.audit.count()
    const row = services.address.create(
      { oldText: '西城区南营房胡同8号', newText: '西城区月坛南街30号', effective: '2019-01-01' },
      admin
    )
    expect(pairs('nyfht')).toContain('西城区南营房胡同8号→西城区月坛南街30号')
    services.address.update(
      row.id,
      {
        oldText: '西城区北营房胡同8号',
        newText: '西城区月坛南街30号',
        effective: null,
        source: null,
        note: null
      },
      admin
    )
    expect(pairs('南营房胡同8号')).not.toContain('西城区南营房胡同8号→西城区月坛南街30号')
    expect(pairs('北营房胡同8号')).toContain('西城区北营房胡同8号→西城区月坛南街30号')
    services.address.remove(row.id, admin)
    expect(pairs('北营房胡同8号')).toEqual([])
    expect(await services.audit.count()).toBe(before + 3)
    expect((await services.audit.verify()).ok).toBe(true)
  })

  it('removes the sample table in one action', () => {
    expect(services.address.stats().sample).toBe(19)
    expect(services.address.removeSample(admin)).toBe(19)
    expect(services.address.stats().sample).toBe(0)
    expect(pairs('月坛北街5号')).toEqual([])
  })

  it('remembers recent lookups per operator', () => {
    services.address.remember(admin, 'xwq', null)
    expect(services.address.recent(admin)[0]?.query).toBe('xwq')
  })
})

describe('browsing the table', () => {
  it('pages the station rows, filters by text and source, and sorts by effective date', () => {
    const made = [
      ['西城区浏览测试胡同1号', '西城区浏览测试路1号', '2018-03-01', '浏览文号甲'],
      ['西城区浏览测试胡同2号', '西城区浏览测试路2号', '2021-07-01', '浏览文号乙'],
      ['西城区浏览测试胡同3号', '西城区浏览测试路3号', null, '浏览文号甲']
    ].map(([oldText, newText, effective, source]) =>
      services.address.create({ oldText: oldText!, newText: newText!, effective, source }, admin)
    )
    const list = (query: Partial<Parameters<typeof services.address.list>[0]>) =>
      services.address.list({ page: 1, pageSize: 50, origin: 'station', ...query })
    const byText = list({ text: '浏览测试' })
    expect(byText.total).toBe(3)
    // Newest first by default.
    expect(byText.rows.map((r) => r.id)).toEqual([made[2]!.id, made[1]!.id, made[0]!.id])
    expect(list({ text: '浏览测试', sort: 'effectiveDesc' }).rows.map((r) => r.effective)).toEqual([
      '2021-07-01',
      '2018-03-01',
      null
    ])
    expect(list({ text: '浏览测试', sort: 'effectiveAsc' }).rows.map((r) => r.effective)).toEqual([
      '2018-03-01',
      '2021-07-01',
      null
    ])
    expect(list({ text: '浏览测试', source: '文号甲' }).total).toBe(2)
    // Two characters: a substring, not the trigram index; `%` is literal.
    expect(list({ text: '浏览' }).total).toBe(3)
    expect(list({ text: '浏%' }).total).toBe(0)
    const paged = list({ text: '浏览测试', pageSize: 2, page: 2 })
    expect(paged).toMatchObject({ total: 3, rows: [{ id: made[0]!.id }] })
    expect(list({ text: '浏览测试', origin: 'sample' }).total).toBe(0)
  })
})
