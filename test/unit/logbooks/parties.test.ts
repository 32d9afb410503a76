import { describe, expect, it } from 'vitest'
import { parsePartyLines, partyLines } from '../../../src/shared/logbooks/parties'

describe('parties typed one per line', () => {
  it('tells an ID number and a phone number by their shape, in either order', () => {
    expect(
      parsePartyLines(
        [
          '张三 11010519491231002X 13812345678',
          '李四 13900001111',
          '王五 010-68011234 110105491231002',
          '  赵六  ',
          '',
          '欧阳 娜娜 13700002222'
        ].join('\n')
      )
    ).toEqual([
      { name: '张三', idNumber: '11010519491231002X', phone: '13812345678' },
      { name: '李四', phone: '13900001111' },
      { name: '王五', idNumber: '110105491231002', phone: '010-68011234' },
      { name: '赵六' },
      { name: '欧阳 娜娜', phone: '13700002222' }
    ])
  })

  it('shows stored parties as lines that read back the same', () => {
    const parties = [
      { name: '张三', idNumber: '11010519491231002X', phone: '13812345678' },
      { name: '李四', phone: '13900001111' },
      { name: '赵六' }
    ]
    expect(partyLines(parties)).toBe('张三 11010519491231002X 13812345678\n李四 13900001111\n赵六')
    expect(parsePartyLines(partyLines(parties))).toEqual(parties)
  })
})
