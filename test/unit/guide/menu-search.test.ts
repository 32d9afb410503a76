import { describe, expect, it } from 'vitest'
import {
  checkMaterials,
  checkMenuEntry,
  validateMenu,
  voiceScript
} from '../../../src/shared/guide/menu'
import { buildSearchIndex, searchGuide } from '../../../src/shared/guide/search'
import { sampleGuide } from '../../../src/main/guide/seed'

const seed = sampleGuide()
const index = buildSearchIndex(
  seed.categories.flatMap((category) =>
    category.businesses.map((b) => ({
      code: b.code,
      name: b.name,
      categoryName: category.name,
      materials: b.materials,
      other: [b.notes, b.eligibility]
    }))
  )
)
const codes = (query: string) => searchGuide(index, query).map((hit) => hit.code)

describe('menu validation', () => {
  const siblings = [
    { id: 'a', menuNumber: 1, name: '户口迁出' },
    { id: 'b', menuNumber: 2, name: '户口迁入' }
  ]

  it('refuses a number already used on the same level, naming who has it', () => {
    expect(checkMenuEntry({ menuNumber: 2, name: '出生登记' }, siblings)).toEqual({
      menuNumber: '菜单号 2 已被“户口迁入”使用'
    })
  })

  it('lets an entry keep its own number', () => {
    expect(checkMenuEntry({ id: 'b', menuNumber: 2, name: '户口迁入' }, siblings)).toEqual({})
  })

  it('refuses empty names and numbers a phone keypad cannot dial', () => {
    expect(checkMenuEntry({ menuNumber: 3, name: '   ' }, siblings)).toEqual({
      name: '名称不能为空'
    })
    for (const bad of [0, 10, 1.5]) {
      expect(checkMenuEntry({ menuNumber: bad, name: '出生登记' }, siblings).menuNumber).toMatch(
        /1–9/
      )
    }
  })

  it('finds every duplicate in a whole menu, per level only', () => {
    const issues = validateMenu([
      {
        name: '第一级',
        entries: [
          { menuNumber: 1, name: '户口' },
          { menuNumber: 1, name: '身份证' }
        ]
      },
      {
        name: '户口',
        entries: [
          { menuNumber: 1, name: '迁出' },
          { menuNumber: 2, name: '' }
        ]
      },
      { name: '身份证', entries: [{ menuNumber: 1, name: '首次申领' }] }
    ])
    expect(issues).toEqual([
      { level: '第一级', name: '身份证', message: '菜单号 1 已被“户口”使用' },
      { level: '户口', name: '', message: '名称不能为空' }
    ])
  })

  it('numbers the shipped sample guide validly', () => {
    const levels = [
      { name: '第一级', entries: seed.categories },
      ...seed.categories.map((c) => ({ name: c.name, entries: c.businesses }))
    ]
    expect(validateMenu(levels)).toEqual([])
    expect(seed.categories.flatMap((c) => c.businesses)).toHaveLength(16)
    expect(seed.promises.length).toBeGreaterThan(0)
  })

  it('requires a condition on every optional material', () => {
    expect(
      checkMaterials([
        { item: '居民户口簿', required: true, condition: null },
        { item: '委托书', required: false, condition: ' ' },
        { item: '', required: true, condition: null }
      ])
    ).toEqual({
      'materials.1.condition': '非必需材料须写明适用情形',
      'materials.2.item': '材料名称不能为空'
    })
  })
})

describe('search', () => {
  it('finds by Chinese name, best match first', () => {
    expect(codes('户口迁出')[0]).toBe('HK-OUT')
    expect(codes('出生')[0]).toBe('HK-BIRTH')
    expect(codes('身份证').slice(0, 4).sort()).toEqual([
      'ID-FIRST',
      'ID-REISSUE',
      'ID-RENEW',
      'ID-TEMP'
    ])
  })

  it('finds by pinyin initials and full pinyin', () => {
    expect(codes('hkqc')[0]).toBe('HK-OUT')
    expect(codes('HKQR')[0]).toBe('HK-IN')
    expect(codes('csdj')[0]).toBe('HK-BIRTH')
    expect(codes('chusheng')[0]).toBe('HK-BIRTH')
    expect(searchGuide(index, 'hkqc')[0]!.matchedBy).toBe('initials')
  })

  it('finds businesses by the materials they need, showing the material', () => {
    const hits = searchGuide(index, '出生医学证明')
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(['HK-BIRTH', 'HK-IN']))
    const moveIn = hits.find((h) => h.code === 'HK-IN')!
    expect(moveIn.matchedBy).toBe('material')
    expect(moveIn.snippet).toBe('出生医学证明或亲属关系证明（父母子女投靠）')
    expect(codes('他人代办')).toContain('HK-OUT')
  })

  it('finds by business code and returns nothing for nonsense', () => {
    expect(codes('hk-out')[0]).toBe('HK-OUT')
    expect(codes('鑫鑫鑫')).toEqual([])
    expect(codes('   ')).toEqual([])
  })
})

describe('voice script', () => {
  it('reads each level in menu order, marked as sample', () => {
    const script = voiceScript({
      stationName: '月坛派出所',
      categories: [
        {
          menuNumber: 2,
          name: '身份证',
          businesses: [{ menuNumber: 1, name: '居民身份证首次申领' }]
        },
        {
          menuNumber: 1,
          name: '户口',
          businesses: [
            { menuNumber: 2, name: '户口迁入 / 落户' },
            { menuNumber: 1, name: '户口迁出' }
          ]
        }
      ]
    })
    expect(script).toBe(
      [
        '# 示例内容：须以当地公安机关公布的办事指南核对后使用，不是官方办事指南',
        '',
        '【第一级菜单】',
        '您好，这里是月坛派出所便民服务热线。户口业务请按1，身份证业务请按2。重听请按星号键。',
        '',
        '【第二级菜单：按1 户口】',
        '户口迁出请按1，户口迁入、落户请按2。返回上一级请按星号键。',
        '',
        '【第二级菜单：按2 身份证】',
        '居民身份证首次申领请按1。返回上一级请按星号键。',
        ''
      ].join('\n')
    )
  })
})
