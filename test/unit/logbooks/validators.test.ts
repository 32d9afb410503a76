import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkCharacter, checkIdNumber, upgradeId15 } from '../../../src/shared/logbooks/id-number'
import { checkPhone } from '../../../src/shared/logbooks/phone'
import { checkPersonName } from '../../../src/shared/logbooks/person-name'
import { maskIdNumber, maskName, maskPhone } from '../../../src/shared/logbooks/mask'
import { idNumber, personName, phoneNumber } from '../../../src/shared/logbooks/fields'

const today = '2026-11-28'
const areas: Record<string, string> = { '110105': '朝阳区', '130503': '信都区' }
const check = (id: string) => checkIdNumber(id, { today, areaName: (code) => areas[code] })

describe('ID numbers (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'female', '1949-12-31', '北京市'],
    ['11010519491231002x', 'female', '1949-12-31', '北京市'],
    ['110105194912310038', 'male', '1949-12-31', '北京市'],
    ['440524188001010014', 'male', '1880-01-01', '广东省'],
    ['110102200002291236', 'male', '2000-02-29', '北京市'],
    ['810000199001011230', 'male', '1990-01-01', '香港特别行政区'],
    ['830000198001012347', 'female', '1980-01-01', '台湾省'],
    ['71000019800101234X', 'female', '1980-01-01', '台湾省']
  ])('%s is valid (%s, %s, %s)', (id, sex, birthDate, province) => {
    const result = check(id)
    expect(result.error).toBeNull()
    expect(result.valid).toBe(true)
    expect(result.normalized).toBe(id.toUpperCase())
    expect(result.sex).toBe(sex)
    expect(result.birthDate).toBe(birthDate)
    expect(result.provinceName).toBe(province)
  })

  it.each([
    ['', 'EMPTY'],
    ['11010519491231002', 'FORMAT'],
    ['1101051949123100200', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['11010519491231X02X', 'FORMAT'],
    ['110105194912310029', 'CHECK'],
    ['110105194912310020', 'CHECK'],
    ['99010519491231002X', 'PROVINCE'],
    ['16010519491231002X', 'PROVINCE'],
    ['831234198001012347', 'PROVINCE'],
    ['110105194902300021', 'DATE'],
    ['110102190002291234', 'DATE'],
    ['110105194913010021', 'DATE'],
    ['110105179901010021', 'DATE'],
    ['65010120251231001X', 'VALID'],
    ['650101202712310010', 'FUTURE']
  ])('%s → %s', (id, code) => {
    const result = check(id)
    if (code === 'VALID') expect(result.valid).toBe(true)
    else {
      expect(result.valid).toBe(false)
      expect(result.error?.code).toBe(code)
      expect(result.error?.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('upgrades 15-digit numbers with the check character', () => {
    expect(upgradeId15('130503670401001')).toBe('130503196704010016')
    const result = check('130503670401001')
    expect(result.valid).toBe(true)
    expect(result.normalized).toBe('130503196704010016')
    expect(result.upgradedFrom).toBe('130503670401001')
    expect(result.manualReview).toBe(false)
    expect(result.areaName).toBe('信都区')
  })

  it.each(['996', '997', '998', '999'])(
    'flags 15-digit sequence %s for manual review (centenarians)',
    (sequence) => {
      const result = check(`110105491231${sequence}`)
      expect(result.manualReview).toBe(true)
      expect(result.warnings.join()).toMatch(/百岁/)
    }
  )

  it('warns about an unknown area code but accepts the number', () => {
    const id = `11010619491231002${checkCharacter('11010619491231002')}`
    const result = check(id)
    expect(result.valid).toBe(true)
    expect(result.areaName).toBeNull()
    expect(result.warnings).toEqual([expect.stringContaining('110106')])
    // Without a table there is nothing to warn about.
    expect(checkIdNumber(id, { today }).warnings).toEqual([])
  })
})

describe('phone numbers', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['+8613812345678', 'mobile', '13812345678'],
    ['8619912345678', 'mobile', '19912345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
    ['010-68012345', 'landline', '010-68012345'],
    ['01068012345', 'landline', '010-68012345'],
    ['(010)68012345', 'landline', '010-68012345'],
    ['0311-8123456', 'landline', '0311-8123456'],
    ['0755-81234567', 'landline', '0755-81234567']
  ])('%s is a valid %s', (raw, kind, normalized) => {
    expect(checkPhone(raw)).toEqual({ valid: true, kind, normalized, error: null })
  })

  it.each([
    ['', /请输入/],
    ['12812345678', /第二位/],
    ['1381234567', /11 位/],
    ['138123456789', /11 位/],
    ['1440123456789', /物联网/],
    ['010-123456', /格式/],
    ['68012345', /格式/],
    ['abc', /格式/]
  ])('%s is refused', (raw, message) => {
    const result = checkPhone(raw)
    expect(result.valid).toBe(false)
    expect(result.error).toMatch(message)
  })

  it('refuses landlines where only a mobile will do', () => {
    expect(checkPhone('010-68012345', { allowLandline: false }).valid).toBe(false)
  })
})

describe('names', () => {
  it.each([
    ['张三', '张三'],
    [' 李娜 ', '李娜'],
    ['李䶮', '李䶮'],
    ['王𠮷', '王𠮷'],
    ['买买提·艾力', '买买提·艾力'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['张', '张'],
    ['张\u{E0100}', '张\u{E0100}']
  ])('%s is valid', (raw, normalized) => {
    const result = checkPersonName(raw)
    expect(result.error).toBeNull()
    expect(result.normalized).toBe(normalized)
    expect(result.warnings).toEqual([])
  })

  it.each(['买买提.艾力', '买买提•艾力', '买买提・艾力', '买买提．艾力', '买买提‧艾力'])(
    'normalises the look-alike dot in %s with a warning',
    (raw) => {
      const result = checkPersonName(raw)
      expect(result.valid).toBe(true)
      expect(result.normalized).toBe('买买提·艾力')
      expect(result.warnings).toHaveLength(1)
    }
  )

  it('NFC-normalises', () => {
    expect(checkPersonName('\u2F08\u5F20').normalized).toBe('\u2F08\u5F20'.normalize('NFC'))
  })

  it.each([
    ['', /请输入/],
    ['张 三', /空格/],
    ['·艾力', /间隔号/],
    ['艾力·', /间隔号/],
    ['买买提··艾力', /间隔号/],
    ['Zhang San', /空格/],
    ['ZhangSan', /不是汉字/],
    ['张3', /不是汉字/],
    ['张'.repeat(51), /50/]
  ])('%s is refused', (raw, message) => {
    const result = checkPersonName(raw)
    expect(result.valid).toBe(false)
    expect(result.error).toMatch(message)
  })
})

describe('masking', () => {
  it.each([
    [maskIdNumber('11010519491231002X'), '110105********002X'],
    [maskIdNumber('130503670401001'), '130503*****1001'],
    [maskName('张三丰'), '张*丰'],
    [maskName('张三'), '张*'],
    [maskName('买买提·艾力'), '买****力'],
    [maskName('𠮷'), '*'],
    [maskPhone('13812345678'), '138****5678'],
    [maskPhone('010-68012345'), '010-****2345']
  ])('%s', (masked, expected) => expect(masked).toBe(expected))
})

describe('zod field builders', () => {
  const form = z.strictObject({
    name: personName,
    id: idNumber,
    phone: phoneNumber(),
    mobile: phoneNumber({ allowLandline: false })
  })

  it('accepts good values', () => {
    expect(
      form.safeParse({
        name: '买买提·艾力',
        id: '11010519491231002X',
        phone: '010-68012345',
        mobile: '13812345678'
      }).success
    ).toBe(true)
  })

  it('puts each Chinese message at its field', () => {
    const result = form.safeParse({
      name: 'Tom',
      id: '110105194912310029',
      phone: '6801',
      mobile: '010-68012345'
    })
    expect(result.success).toBe(false)
    const byPath = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])
    )
    expect(byPath.name).toMatch(/汉字/)
    expect(byPath.id).toMatch(/校验位应为 X/)
    expect(byPath.phone).toMatch(/格式/)
    expect(byPath.mobile).toMatch(/手机/)
  })
})
