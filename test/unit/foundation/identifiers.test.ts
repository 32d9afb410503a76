import { describe, expect, it } from 'vitest'
import { findIdentifiers, maskIdentifiersInText } from '../../../src/shared/identifiers'

describe('ID and phone numbers found in free text', () => {
  it('finds 18- and 15-digit ID numbers, mobiles and landlines with their normalised forms', () => {
    const text =
      '当事人11010519491231002x称，旧证110105491231002，手机+86 138-1234-5678，座机(010)68011234，另 0755-88881234。'
    expect(findIdentifiers(text).map(({ kind, normalized }) => [kind, normalized])).toEqual([
      ['id', '11010519491231002X'],
      ['id', '110105491231002'],
      ['mobile', '13812345678'],
      ['landline', '010-68011234'],
      ['landline', '0755-88881234']
    ])
  })

  it('masks them the way the fields are masked, keeping the rest of the text', () => {
    expect(
      maskIdentifiersInText(
        '王某（身份证 11010519491231002X，电话 13812345678）称 3 月 5 日在 010-68011234 报警。'
      )
    ).toBe('王某（身份证 110105********002X，电话 138****5678）称 3 月 5 日在 010-****1234 报警。')
    expect(maskIdentifiersInText('旧证 110105491231002')).toBe('旧证 110105******002')
    expect(maskIdentifiersInText('电话 138 1234 5678 或 +8613812345678')).toBe(
      '电话 138****5678 或 138****5678'
    )
  })

  it('masks full-width digits typed with a Chinese input method', () => {
    expect(maskIdentifiersInText('电话１３８１２３４５６７８。')).toBe('电话138****5678。')
  })

  it('leaves other numbers alone: case numbers, dates, IoT numbers, house numbers, amounts', () => {
    const text =
      '案号 2026110400012，2026-11-04 14:30，物联网卡 1441234567890，门牌 12号，罚款 500 元，车牌京A12345，编号 A13812345678B'
    expect(findIdentifiers(text)).toEqual([])
    expect(maskIdentifiersInText(text)).toBe(text)
  })

  it('returns the text unchanged when it holds no number', () => {
    expect(maskIdentifiersInText('')).toBe('')
    expect(maskIdentifiersInText('预约上门办理身份证')).toBe('预约上门办理身份证')
  })
})
