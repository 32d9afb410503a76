import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  AUDIT_ACTIONS,
  DETAIL_KEYS,
  PASSWORD_CHECKS,
  auditActionName,
  auditActionOptions,
  auditDetailText,
  auditEntityText
} from '../../../src/shared/audit-names'

const MAIN = join(__dirname, '../../../src/main')

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory()
      ? sources(join(dir, item.name))
      : item.name.endsWith('.ts')
        ? [readFileSync(join(dir, item.name), 'utf8')]
        : []
  )

/**
 * The actions main writes with a literal code: `action: 'x'` (a ternary's both codes included),
 * a helper's code argument (`audited(actor, 'x', …)`, `addRows(…, 'x')`), and password-check
 * purposes (`checkPassword(…, 'x')`, `confirmPassword(…, 'x')`), which become x.success/x.failure.
 */
function writtenActions(): { actions: Set<string>; purposes: Set<string> } {
  const actions = new Set<string>()
  const purposes = new Set<string>()
  for (const text of sources(MAIN)) {
    for (const match of text.matchAll(/action:\s*([^,\n}]+)/g))
      for (const code of match[1]!.matchAll(/'([a-z]+(?:\.[A-Za-z_]+)+)'/g)) actions.add(code[1]!)
    for (const match of text.matchAll(/(?:audited|recordOutput)\(\s*\w+,\s*'([a-z.A-Z_]+)'/g))
      actions.add(match[1]!)
    for (const match of text.matchAll(/addRows\([^)]*'([a-z]+\.[a-zA-Z.]+)'\)/g))
      actions.add(match[1]!)
    for (const match of text.matchAll(/(?:checkPassword|confirmPassword)\([^)]*'([a-zA-Z.]+)'\)/g))
      purposes.add(match[1]!)
  }
  return { actions, purposes }
}

/** The top-level keys of the object literal opened at text[open], and of objects spread into it. */
function literalKeys(text: string, open: number): string[] {
  const items: string[] = []
  let depth = 0
  let item = ''
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!
    if ('{[('.includes(char)) depth++
    else if ('}])'.includes(char)) {
      if (depth === 0) break
      depth--
    }
    if (char === ',' && depth === 0) {
      items.push(item)
      item = ''
    } else item += char
  }
  items.push(item)
  return items.flatMap((raw) => {
    const written = raw.replace(/\/\/.*$/gm, '').trim()
    if (written.startsWith('...')) {
      const inner = written.indexOf('{')
      return inner < 0 ? [] : literalKeys(written, inner)
    }
    const key = /^([A-Za-z_$][\w$]*)\s*(?::|$)/.exec(written)
    return key ? [key[1]!] : []
  })
}

/** The keys main writes in literal details: `detail: { … }` and a helper's `audited(…, { … }, write)`. */
function writtenDetailKeys(): Set<string> {
  const keys = new Set<string>()
  for (const text of sources(MAIN)) {
    const opens = [
      ...text.matchAll(/detail:\s*\{/g),
      ...text.matchAll(/audited\(\s*\w+,\s*'[^']+',\s*'[^']+',\s*[^,]+,\s*\{/g)
    ]
    for (const open of opens)
      for (const key of literalKeys(text, open.index + open[0].length - 1)) keys.add(key)
  }
  return keys
}

describe('the audit log names its actions', () => {
  it('every action main writes has a name in both languages', () => {
    const { actions, purposes } = writtenActions()
    // The scan must see the writers it is meant to see, or it would pass on nothing.
    expect(actions).toContain('logbook.amend')
    expect(actions).toContain('queue.call')
    expect(actions).toContain('address.create')
    expect(purposes).toContain('logbook.signOff.auth')
    const unnamed = [
      ...actions,
      ...[...purposes].flatMap((purpose) => [`${purpose}.success`, `${purpose}.failure`]),
      // Written with a code built from its parts.
      ...['business', 'category'].flatMap((kind) => [
        `guide.${kind}.create`,
        `guide.${kind}.update`
      ]),
      ...['settings', 'photo_specs'].flatMap((table) =>
        ['merged', 'refused', 'pull'].map((step) => `station.${table}.${step}`)
      )
    ].filter((action) => !auditActionName(action, 'zh-CN') || !auditActionName(action, 'en-US'))
    expect(unnamed).toEqual([])
  })

  it('every detail key main writes has a name in both languages', () => {
    const keys = writtenDetailKeys()
    // A plain key, one in a conditional spread, and one in a helper's detail argument.
    expect(keys).toContain('fromSeq')
    expect(keys).toContain('mended')
    expect(keys).toContain('poolSize')
    expect([...keys].filter((key) => !Object.hasOwn(DETAIL_KEYS, key))).toEqual([])
    expect(auditDetailText('{"fromSeq":3,"toSeq":9,"skipped":1}', 'zh-CN')).toBe(
      '起始序号：3；截止序号：9；已跳过：1'
    )
  })

  it('shows names, composes password checks, and leaves unknown codes as they are', () => {
    expect(auditActionName('logbook.amend', 'zh-CN')).toBe('更正登记')
    expect(auditActionName('logbook.amend', 'en-US')).toBe('Entry corrected')
    expect(auditActionName('logbook.signOff.auth.failure', 'zh-CN')).toBe('所长签字密码失败')
    expect(auditActionName('auth.signIn.success', 'en-US')).toBe('Sign-in succeeded')
    expect(auditActionName('auth.signIn.maybe', 'zh-CN')).toBeNull()
    expect(auditActionName('constructor', 'zh-CN')).toBeNull()
    expect(auditActionName('toString.success', 'zh-CN')).toBeNull()
    const options = auditActionOptions('zh-CN')
    expect(new Set(options.map((option) => option.value)).size).toBe(options.length)
    expect(options).toHaveLength(
      Object.keys(AUDIT_ACTIONS).length + 2 * Object.keys(PASSWORD_CHECKS).length
    )
    expect(options).toContainEqual({ value: 'logbook.reveal', label: '查看完整证件号码或电话' })
  })

  it('names the object by its register or kind, with the id shortened', () => {
    const id = '0193f1d2-7a5b-7c1d-9e2f-0123456789ab'
    expect(auditEntityText('logbook.case', id, 'zh-CN')).toBe('案件纠纷受理 456789ab')
    expect(auditEntityText('logbook.case', id, 'en-US')).toMatch(/^Cases and disputes 456789ab$/)
    expect(auditEntityText('queue_ticket', null, 'zh-CN')).toBe('号票')
    expect(auditEntityText('logbook.nonsense', null, 'zh-CN')).toBe('logbook.nonsense')
    expect(auditEntityText('__proto__', null, 'zh-CN')).toBe('__proto__')
    expect(auditEntityText(null, null, 'zh-CN')).toBe('—')
  })

  it('writes a detail as name–value pairs, and anything else as it is', () => {
    const detail = JSON.stringify({ reason: '笔误', changed: ['summary', 'place'], locked: false })
    expect(auditDetailText(detail, 'zh-CN')).toBe('原因：笔误；改动：summary、place；已锁定：否')
    expect(auditDetailText(detail, 'en-US')).toBe(
      'reason: 笔误; changed: summary, place; locked: no'
    )
    expect(auditDetailText('{"nested":{"a":1},"quota":null}', 'zh-CN')).toBe(
      'nested：{"a":1}；quota：—'
    )
    expect(auditDetailText('{"username":"li.na","role":"director"}', 'zh-CN')).toBe(
      '用户名：li.na；角色：所长'
    )
    expect(auditDetailText('not json', 'zh-CN')).toBe('not json')
    expect(auditDetailText('[1,2]', 'zh-CN')).toBe('[1,2]')
    expect(auditDetailText(null, 'zh-CN')).toBe('')
  })
})
