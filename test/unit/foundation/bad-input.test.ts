import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import {
  requiredText,
  searchText,
  signInUsername,
  text,
  username
} from '../../../src/shared/ipc/fields'
import { personName } from '../../../src/shared/logbooks/fields'
import {
  findUnsafeCharacter,
  maskIdentifiers,
  stripUnsafeCharacters
} from '../../../src/shared/text-safety'
import { openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069'
]
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']

describe('text fields refuse control characters and bidi overrides', () => {
  const cases = [...BIDI, ...CONTROLS].map((char) => [
    `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    char
  ])
  it.each(cases)('refuses %s with a Chinese message naming it', (codePoint, char) => {
    for (const schema of [text(100), requiredText(100), personName]) {
      const result = schema.safeParse(`张${char}三`)
      expect(result.success).toBe(false)
      expect(result.error!.issues.map((i) => i.message)).toContain(
        `含有不可见的控制字符（${codePoint}），请删除后重新输入`
      )
    }
  })

  it('refuses text that starts like a sealed value, which the station would take for one', () => {
    for (const typed of ['enc1:见区政府文件', '  enc1:x']) {
      const result = text(100).safeParse(typed)
      expect(result.success).toBe(false)
      expect(result.error!.issues[0]!.message).toBe('不能以“enc1:”开头（系统内部使用的标记）')
    }
    expect(text(100).parse('见 enc1: 文件')).toBe('见 enc1: 文件')
  })

  it('a sign-in name may carry another PC’s suffix, in either case; a new account’s may not', () => {
    for (const name of ['desk_twin@7c795300', 'desk_twin@7C795300']) {
      expect(signInUsername.safeParse(name).success).toBe(true)
      expect(username.safeParse(name).success).toBe(false)
    }
    expect(signInUsername.safeParse('desk@twin').success).toBe(false)
  })

  it('keeps tabs and line breaks in free text, and ordinary rare characters', () => {
    expect(text(100).parse('第一行\n第二行\r\n\t缩进')).toBe('第一行\n第二行\r\n\t缩进')
    expect(requiredText(20).parse('  𠮷野家 䶮  ')).toBe('𠮷野家 䶮')
    expect(findUnsafeCharacter('عربي English 中文 ‎')).toBeNull()
  })

  it('a search box drops them instead and still searches the rest', () => {
    expect(searchText(100).parse('\u0000yt\u202ebj\u0007 ')).toBe('ytbj')
    expect(searchText(40, 1).safeParse('\u0000\u202e').success).toBe(false)
    expect(stripUnsafeCharacters('a\u0000b\u2066c')).toBe('abc')
  })
})

describe('ID and phone numbers are masked in free text', () => {
  it('masks 18- and 15-digit ID numbers and mobile numbers, not other numbers', () => {
    expect(maskIdentifiers('身份证11010519491231002X，电话13812345678。')).toBe(
      '身份证110105********002X，电话138****5678。'
    )
    expect(maskIdentifiers('旧证 110105491231002')).toBe('旧证 110105******002')
    expect(maskIdentifiers('案号 2026110400012 门牌 12号')).toBe('案号 2026110400012 门牌 12号')
  })
})

describe('the IPC boundary under bad input', () => {
  let services: Awaited<ReturnType<typeof openSignedIn>>
  let table: ReturnType<typeof createIpcTable>
  beforeAll(async () => {
    services = await openSignedIn()
    table = createIpcTable(services, trustOrigins([ORIGIN]))
  })
  afterAll(() => services.cleanup())

  it('a NUL or a bidi override in the address search is dropped, not an SQLite error', async () => {
    const plain = await table.invoke('address:search', { query: 'ytbj', limit: 5 }, meta)
    expect(plain.ok).toBe(true)
    for (const query of ['\u0000', 'yt\u0000bj', '\u202eytbj', '"\u0000*', "'; DROP TABLE x; --"]) {
      const result = await table.invoke('address:search', { query, limit: 5 }, meta)
      expect(result).toMatchObject({ ok: true })
      if (stripUnsafeCharacters(query) === 'ytbj') expect(result).toEqual(plain)
    }
    const guide = await table.invoke('guide:search', { query: '出\u0000生' }, meta)
    expect(guide.ok).toBe(true)
    expect(await table.invoke('guide:search', { query: '出生' }, meta)).toEqual(guide)
  })

  it('a control character in a stored text field is refused at its field and changes nothing', async () => {
    const before = services.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const result = await table.invoke(
      'settings:update',
      { stationName: '城关派出所\u202e所出派' },
      meta
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { stationName: expect.stringContaining('U+202E') } }
    })
    expect(services.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
  })

  it('a number out of range is refused with its range, in Chinese, and changes nothing', async () => {
    const config = await table.invoke('queue:config', undefined, meta)
    expect(config.ok).toBe(true)
    const current = (config as { value: Record<string, number> }).value
    const refused = async (channel: string, input: unknown, field: string, message: string) => {
      const result = await table.invoke(channel, input, meta)
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const fields = (result as { error: { fields: Record<string, string> } }).error.fields
      expect(fields[field]).toBe(message)
    }
    await refused(
      'queue:updateConfig',
      { ...current, interleave: 2026 },
      'interleave',
      '不能大于 20'
    )
    await refused(
      'queue:updateConfig',
      { ...current, maxWaitMinutes: 1 },
      'maxWaitMinutes',
      '不能小于 5'
    )
    await refused('queue:updateConfig', { ...current, maxRecalls: -1 }, 'maxRecalls', '不能为负数')
    await refused('queue:updateConfig', { ...current, interleave: 1.5 }, 'interleave', '应为整数')
    await refused(
      'photo:setCamera',
      { device: null, width: 2026, height: 99_999 },
      'height',
      '不能大于 4320'
    )
    // A check written without its own words still answers in plain Chinese (zod-locale.ts).
    const fieldsOf = async (channel: string, input: unknown) =>
      ((await table.invoke(channel, input, meta)) as { error: { fields: Record<string, string> } })
        .error.fields
    expect((await fieldsOf('logbooks:list', { book: 'phone', pageSize: 500 })).pageSize).toBe(
      '不能大于 200'
    )
    expect((await fieldsOf('logbooks:list', { book: 'phone', page: 0 })).page).toBe('不能小于 1')
    expect((await fieldsOf('logbooks:list', { book: 'phone', pageSize: '50' })).pageSize).toBe(
      '应为数字'
    )
    expect((await fieldsOf('logbooks:list', { book: 'phone', sort: 'x' })).sort).toBe('无效的排序')
    expect(await table.invoke('queue:config', undefined, meta)).toEqual({
      ok: true,
      value: current
    })
  })

  it('a screen that failed is written to the log file (0600) with its module and masked input', async () => {
    const result = await table.invoke(
      'app:reportError',
      {
        module: 'calendar',
        message: "Cannot read properties of undefined (reading 'zhousui')",
        stack: 'TypeError: …\n    at Converter (Converter.tsx:39:7)',
        componentStack: '\n    at Converter\n    at ErrorBoundary',
        input: '农历: 2030年正月初一 身份证 11010519491231002X\u0000'
      },
      meta
    )
    expect(result).toEqual({ ok: true, value: null })
    const file = join(services.paths.logDir, 'bianmin.log')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    const entry = JSON.parse(lines.at(-1)!)
    expect(entry).toMatchObject({
      level: 'error',
      source: 'renderer',
      module: 'calendar',
      message: 'screen failed in calendar',
      error: "Cannot read properties of undefined (reading 'zhousui')",
      input: '农历: 2030年正月初一 身份证 110105********002X\u0000'
    })
    expect(readFileSync(file, 'utf8')).not.toContain('11010519491231002X')
  })

  it('an unexpected failure behind a call is logged and answered INTERNAL without details', async () => {
    const original = services.guide.search
    services.guide.search = async () => {
      throw new Error('disk I/O error')
    }
    try {
      const result = await table.invoke('guide:search', { query: '出生' }, meta)
      expect(result).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试或联系管理员。' }
      })
    } finally {
      services.guide.search = original
    }
    const log = readFileSync(join(services.paths.logDir, 'bianmin.log'), 'utf8')
    const entry = JSON.parse(log.trimEnd().split('\n').at(-1)!)
    expect(entry).toMatchObject({ source: 'ipc', channel: 'guide:search', error: 'disk I/O error' })
  })
})

describe('zod checks without their own words', () => {
  const messageOf = (schema: z.ZodType, input: unknown) =>
    schema.safeParse(input).error?.issues[0]?.message

  it('answer in the plain Chinese of the forms, never with a type word', () => {
    expect(messageOf(z.int().max(200), 201)).toBe('不能大于 200')
    expect(messageOf(z.number().lt(10), 10)).toBe('应小于 10')
    expect(messageOf(z.int().min(0), -1)).toBe('不能为负数')
    expect(messageOf(z.number().gt(5), 5)).toBe('应大于 5')
    expect(messageOf(z.number(), '5')).toBe('应为数字')
    expect(messageOf(z.string(), 5)).toBe('应为文字')
    expect(messageOf(z.boolean(), 'yes')).toBe('应为“是”或“否”')
    expect(messageOf(z.object({ name: z.string() }), {})).toBe('必填')
    expect(messageOf(z.string().min(1), '')).toBe('不能为空')
    expect(messageOf(z.string().min(6), 'abc')).toBe('至少 6 个字')
    expect(messageOf(z.string().max(3), 'abcd')).toBe('最多 3 个字')
    expect(messageOf(z.array(z.string()).min(1), [])).toBe('至少一项')
    expect(messageOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('最多 2 项')
    expect(messageOf(z.enum(['A4', 'A5']), 'B5')).toBe('不在可选范围内')
    expect(messageOf(z.iso.date(), '2026-13-01')).toBe('格式不对')
    expect(messageOf(z.int().multipleOf(5), 7)).toBe('应为 5 的倍数')
    // A check with its own words keeps them.
    expect(messageOf(z.int().max(20, { error: '最多 20 个窗口' }), 21)).toBe('最多 20 个窗口')
  })
})
