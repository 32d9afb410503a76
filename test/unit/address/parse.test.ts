import { describe, expect, it } from 'vitest'
import { changedParts, changedSpans, parseAddress } from '../../../src/shared/address/parse'
import { normalizeQuery, normalizeText } from '../../../src/main/address/text'
import { parseCsv, toCsv } from '../../../src/main/address/csv'
import { checkRow, guessMapping, normalizeDate } from '../../../src/main/address/import'

describe('address parsing', () => {
  it('splits a full Beijing address into its parts', () => {
    expect(parseAddress('北京市西城区月坛街道月坛北街5号3号楼2单元301室')).toEqual({
      province: '北京市',
      city: '北京市',
      district: '西城区',
      street: '月坛街道',
      road: '月坛北街',
      number: '5号',
      building: '3号楼2单元301室',
      rest: ''
    })
  })

  it('keeps numerals inside a road name and takes 地区 as the street level', () => {
    expect(parseAddress('北京市丰台区西罗园街道角门东里三街57号')).toMatchObject({
      road: '角门东里三街',
      number: '57号'
    })
    expect(parseAddress('北京市大兴区旧宫地区五福堂街58号')).toMatchObject({
      street: '旧宫地区',
      road: '五福堂街',
      number: '58号'
    })
    expect(parseAddress('北京市大兴区礼贤镇孙家营村二条16号')).toMatchObject({
      road: '孙家营村二条',
      number: '16号'
    })
    expect(parseAddress('西城区三里河一区十二号')).toMatchObject({ road: '三里河一区' })
  })

  it('parses provinces, lanes with prefixed numbers, estates and bare units', () => {
    expect(parseAddress('河北省石家庄市桥东区中山路100号')).toMatchObject({
      province: '河北省',
      city: '石家庄市',
      district: '桥东区',
      road: '中山路',
      number: '100号'
    })
    expect(parseAddress('宝钞胡同甲12号')).toMatchObject({ road: '宝钞胡同', number: '甲12号' })
    expect(parseAddress('西城区三里河一区12号院')).toMatchObject({
      road: '三里河一区',
      number: '12号院'
    })
    expect(parseAddress('西便门内大街7号1单元102')).toMatchObject({ building: '1单元102' })
  })

  it('shows which part changed', () => {
    const before = '西城区白云观街3号'
    const after = '西城区白云路13号'
    expect(changedParts(parseAddress(before), parseAddress(after))).toEqual(['road', 'number'])
    expect(changedSpans(before, after)).toEqual({
      old: { start: 5, end: 7 },
      new: { start: 5, end: 7 }
    })
  })

  it('normalises traditional characters, full-width digits and 號 without changing length', () => {
    expect(normalizeText('月壇北街１２號')).toBe('月坛北街12号')
    expect(normalizeText('月壇北街１２號')).toHaveLength(7)
    expect(normalizeQuery(' ＹＴ ＢＪ ')).toBe('ytbj')
  })
})

describe('import rows', () => {
  const mapping = guessMapping(['旧地址', '新地址', '生效日期', '依据', '备注'])!

  it('maps Chinese headers and reports each bad row with its reason', () => {
    expect(mapping).toEqual({ old: 0, new: 1, effective: 2, source: 3, note: 4 })
    expect(checkRow(['', '新址1号'], mapping)).toBe('旧地址为空')
    expect(checkRow(['旧址1号', ''], mapping)).toBe('新地址为空')
    expect(checkRow(['甲', '甲'], mapping)).toBe('新旧地址相同')
    // What the station server would refuse for good, or take for a sealed value.
    expect(checkRow(['甲', '乙路1号\u0000'], mapping)).toBe(
      '新地址含有不可见的控制字符（U+0000），请删除后重新输入'
    )
    expect(checkRow(['甲', '乙', '', '', 'enc1:见区政府文件'], mapping)).toBe(
      '备注不能以“enc1:”开头（系统内部使用的标记）'
    )
    expect(checkRow(['甲', '乙', '2020-02-30'], mapping)).toBe('日期无效：2020-02-30')
    expect(checkRow(['甲', '乙', '2003/5/20', '文号'], mapping)).toEqual({
      oldText: '甲',
      newText: '乙',
      effective: '2003-05-20',
      source: '文号',
      note: null
    })
    expect(normalizeDate('2010')).toBe('2010')
    expect(normalizeDate('2010年7月')).toBe('2010-07')
  })

  it('reads and writes quoted CSV, neutralising spreadsheet formulas', () => {
    expect(parseCsv('a,"b,""c"""\r\n1,2')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2']
    ])
    expect(toCsv([['=1+1', 'x,y']])).toBe('\uFEFF\'=1+1,"x,y"\r\n')
  })
})
