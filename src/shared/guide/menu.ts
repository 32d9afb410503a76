/** The phone menu's rules, pure: numbers 1–9 unique per level, names never empty. */

export const SAMPLE_NOTICE = '示例内容：须以当地公安机关公布的办事指南核对后使用，不是官方办事指南'

export interface MenuEntry {
  id?: string | undefined
  menuNumber: number
  name: string
}

export interface MenuLevel<E extends MenuEntry = MenuEntry> {
  name: string
  entries: E[]
}

/** Field errors for one entry placed among its siblings (the entry itself may be among them). */
export function checkMenuEntry(entry: MenuEntry, siblings: MenuEntry[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!entry.name.trim()) errors.name = '名称不能为空'
  if (!Number.isInteger(entry.menuNumber) || entry.menuNumber < 1 || entry.menuNumber > 9) {
    errors.menuNumber = '菜单号应为 1–9（电话按键）'
  } else {
    const taken = siblings.find(
      (other) => other.menuNumber === entry.menuNumber && (!entry.id || other.id !== entry.id)
    )
    if (taken) errors.menuNumber = `菜单号 ${entry.menuNumber} 已被“${taken.name}”使用`
  }
  return errors
}

export interface MenuIssue {
  level: string
  name: string
  message: string
}

/** Every problem in a whole menu: each entry checked against the others of its level. */
export function validateMenu(levels: MenuLevel[]): MenuIssue[] {
  return levels.flatMap((level) =>
    level.entries.flatMap((entry, index) => {
      const before = level.entries.slice(0, index)
      return Object.values(checkMenuEntry({ ...entry, id: undefined }, before)).map((message) => ({
        level: level.name,
        name: entry.name,
        message
      }))
    })
  )
}

/** A conditional material needs its condition; a required one has none. */
export function checkMaterials(
  materials: { item: string; required: boolean; condition: string | null }[]
): Record<string, string> {
  const errors: Record<string, string> = {}
  materials.forEach((material, index) => {
    if (!material.item.trim()) errors[`materials.${index}.item`] = '材料名称不能为空'
    if (!material.required && !material.condition?.trim()) {
      errors[`materials.${index}.condition`] = '非必需材料须写明适用情形'
    }
  })
  return errors
}

/** How the phone system reads a name: slashes become pauses. */
const spoken = (name: string) => name.replace(/\s*\/\s*/g, '、').trim()

export interface VoiceMenu {
  stationName: string
  categories: {
    menuNumber: number
    name: string
    businesses: { menuNumber: number; name: string }[]
  }[]
}

const byNumber = <T extends { menuNumber: number }>(list: T[]) =>
  [...list].sort((a, b) => a.menuNumber - b.menuNumber)

/** The script the phone system reads, one block per menu level, in plain text. */
export function voiceScript(menu: VoiceMenu): string {
  const categories = byNumber(menu.categories)
  const top = [
    '【第一级菜单】',
    `您好，这里是${menu.stationName}便民服务热线。` +
      categories.map((c) => `${spoken(c.name)}业务请按${c.menuNumber}`).join('，') +
      '。重听请按星号键。'
  ]
  const levels = categories.map((category) => [
    `【第二级菜单：按${category.menuNumber} ${spoken(category.name)}】`,
    byNumber(category.businesses)
      .map((b) => `${spoken(b.name)}请按${b.menuNumber}`)
      .join('，') + '。返回上一级请按星号键。'
  ])
  return [`# ${SAMPLE_NOTICE}`, '', ...[top, ...levels].map((block) => block.join('\n') + '\n')]
    .join('\n')
    .trimEnd()
    .concat('\n')
}
