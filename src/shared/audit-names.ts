import type { Locale } from './ipc/contract'
import { books, isBookKey } from './logbooks/books'
import { shortId } from './ids'
import { roleLabels, roles, type Role } from './roles'

/**
 * What the auditor reads in the audit log: each action, object and detail key by name instead of
 * its code (the code stays in the row; its hash covers it). An action without a name shows its
 * code, so a new action is never hidden; test/unit/foundation/audit-names.test.ts finds the
 * actions main writes and requires a name for each.
 */
type Name = readonly [zh: string, en: string]

export const AUDIT_ACTIONS: Record<string, Name> = {
  'logbook.create': ['登记', 'Entry recorded'],
  'logbook.amend': ['更正登记', 'Entry corrected'],
  'logbook.signOff': ['所长签字', 'Director signed off'],
  'logbook.reveal': ['查看完整证件号码或电话', 'Full ID number or phone shown'],
  'logbook.print': ['打印登记簿', 'Register printed'],
  'logbook.export': ['导出登记簿', 'Register exported'],
  'logbook.rule.update': ['修改承诺时限', 'Time limit changed'],
  'logbook.committee.create': ['新增居委会', 'Committee added'],
  'logbook.committee.update': ['修改居委会', 'Committee changed'],
  'auth.signOut': ['退出登录', 'Signed out'],
  'auth.lock': ['锁屏', 'Screen locked'],
  'auth.expire': ['登录过期', 'Session expired'],
  'operator.create': ['新增账户', 'Account created'],
  'operator.update': ['修改账户', 'Account changed'],
  'operator.password.change': ['修改本人密码', 'Own password changed'],
  'operator.password.reset': ['重置密码', 'Password reset'],
  'operator.password.changeRequired': ['要求修改密码', 'Password change required'],
  'settings.update': ['修改设置', 'Settings changed'],
  'audit.chain.anchor': ['审计链起点', 'Audit chain anchored'],
  'crypto.sealAtRest': ['加密已有数据', 'Existing data encrypted'],
  'calendar.print': ['打印阴阳历对照表', 'Calendar table printed'],
  'calendar.schedule.create': ['新增节假日安排', 'Holiday schedule added'],
  'calendar.schedule.update': ['修改节假日安排', 'Holiday schedule changed'],
  'calendar.schedule.delete': ['删除节假日安排', 'Holiday schedule deleted'],
  'address.create': ['新增地址对照', 'Address pair added'],
  'address.update': ['修改地址对照', 'Address pair changed'],
  'address.delete': ['删除地址对照', 'Address pair deleted'],
  'address.import': ['导入地址对照表', 'Address table imported'],
  'address.export': ['导出地址对照表', 'Address table exported'],
  'address.reading.add': ['添加地名读音', 'Place-name reading added'],
  'address.reading.remove': ['删除地名读音', 'Place-name reading removed'],
  'address.sample.remove': ['删除示例地址', 'Sample addresses removed'],
  'address.seed.rekey': ['统一随程序提供的地址编号', 'Shipped address ids re-keyed'],
  'guide.business.create': ['新增办事项目', 'Service added'],
  'guide.business.update': ['修改办事项目', 'Service changed'],
  'guide.category.create': ['新增业务分类', 'Category added'],
  'guide.category.update': ['修改业务分类', 'Category changed'],
  'guide.office.update': ['修改本所信息', 'Office details changed'],
  'guide.station.apply': ['采用本所办事指南', 'Station guide applied'],
  'guide.station.refused': ['本所办事指南未采用', 'Station guide not applied'],
  'guide.checklist.print': ['打印材料清单', 'Checklist printed'],
  'guide.voiceScript.export': ['导出语音导航稿', 'Voice menu script exported'],
  'photo.create': ['拍照', 'Photo taken'],
  'photo.delete': ['删除照片', 'Photo deleted'],
  'photo.export': ['导出照片', 'Photo exported'],
  'photo.sheet': ['打印照片排版', 'Photo sheet printed'],
  'photo.camera.set': ['设置摄像头', 'Camera set'],
  'photo.spec.create': ['新增照片规格', 'Photo spec added'],
  'photo.spec.update': ['修改照片规格', 'Photo spec changed'],
  'queue.ticket.issue': ['取号', 'Ticket issued'],
  'queue.call': ['叫号', 'Number called'],
  'queue.call.direct': ['指定叫号', 'Number called out of turn'],
  'queue.recall': ['重呼', 'Number called again'],
  'queue.miss': ['过号', 'Number missed'],
  'queue.start': ['开始办理', 'Service started'],
  'queue.finish': ['办结', 'Service finished'],
  'queue.transfer': ['转办', 'Ticket transferred'],
  'queue.requeue': ['重新排队', 'Ticket requeued'],
  'queue.rate': ['评价', 'Service rated'],
  'queue.window.create': ['新增窗口', 'Window added'],
  'queue.window.update': ['修改窗口', 'Window changed'],
  'queue.window.take': ['窗口上岗', 'Window taken'],
  'queue.window.leave': ['窗口离岗', 'Window left'],
  'queue.window.pause': ['窗口暂停', 'Window paused'],
  'queue.window.resume': ['窗口恢复', 'Window resumed'],
  'queue.service.create': ['新增叫号业务', 'Queue service added'],
  'queue.service.update': ['修改叫号业务', 'Queue service changed'],
  'queue.config.update': ['修改叫号设置', 'Queue settings changed'],
  'queue.printer.update': ['设置取号打印机', 'Ticket printer set'],
  'queue.hallDisplay.update': ['设置叫号显示屏', 'Hall display set'],
  'queue.stats.export': ['导出叫号统计', 'Queue figures exported'],
  'staff.attendance.swipe': ['刷卡', 'Card swiped'],
  'staff.attendance.print': ['打印考勤表', 'Attendance printed'],
  'staff.attendance.export': ['导出考勤表', 'Attendance exported'],
  'staff.awards.confirm': ['确认月度评优', 'Monthly awards confirmed'],
  'staff.card.register': ['登记工作卡', 'Card registered'],
  'staff.card.remove': ['注销工作卡', 'Card removed'],
  'staff.check.tick': ['所长检查', 'Director check ticked'],
  'staff.complaint.rule': ['投诉认定', 'Complaint ruled'],
  'staff.config.update': ['修改考核设置', 'Assessment settings changed'],
  'staff.followup.create': ['新增回访', 'Follow-up added'],
  'staff.ladder.add': ['不良服务整改', 'Poor-service step recorded'],
  'staff.report.print': ['打印考核报告', 'Assessment report printed'],
  'staff.spotCheck.draw': ['抽查登记簿', 'Registers spot-checked'],
  'station.configure': ['设置本所服务器', 'Station server set'],
  'station.link': ['连接本所服务器', 'Linked to the station server'],
  'station.download': ['下载本所数据', 'Station data downloaded'],
  'station.download.rewound': [
    '服务器恢复过备份，重新下载本所数据',
    'Station server restored: data downloaded again'
  ],
  'station.conflict.resolve': ['处理冲突', 'Conflict resolved'],
  'station.operators.refused': ['本所账户未采用', 'Station accounts not applied'],
  'station.logbook_committees.refused': ['居委会修改未采用（冲突）', 'Committee change refused'],
  'station.settings.merged': ['合并本所设置', 'Station settings merged'],
  'station.settings.refused': ['本所设置未采用（冲突）', 'Station settings refused'],
  'station.settings.pull': ['采用本所设置', 'Station settings applied'],
  'station.photo_specs.merged': ['合并本所照片规格', 'Station photo specs merged'],
  'station.photo_specs.refused': ['本所照片规格未采用（冲突）', 'Station photo specs refused'],
  'station.photo_specs.pull': ['采用本所照片规格', 'Station photo specs applied']
}

/** Password checks: audited as `<purpose>.success` and `<purpose>.failure`. */
export const PASSWORD_CHECKS: Record<string, Name> = {
  'auth.signIn': ['登录', 'Sign-in'],
  'auth.unlock': ['解锁', 'Unlock'],
  'auth.passwordCheck': ['核对原密码', 'Current password check'],
  'logbook.signOff.auth': ['所长签字密码', 'Sign-off password'],
  'logbook.extension.auth': ['批准延期密码', 'Extension approval password'],
  'logbook.exitReview.approve.auth': ['出境审核批准密码', 'Exit review approval password']
}

const OUTCOMES: Record<'success' | 'failure', Name> = {
  success: ['成功', 'succeeded'],
  failure: ['失败', 'failed']
}

const ENTITIES: Record<string, Name> = {
  operator: ['账户', 'Account'],
  operators: ['账户', 'Accounts'],
  settings: ['设置', 'Settings'],
  database: ['数据库', 'Database'],
  station: ['本所服务器', 'Station server'],
  photo: ['照片', 'Photo'],
  photo_spec: ['照片规格', 'Photo spec'],
  photo_specs: ['照片规格', 'Photo specs'],
  address_change: ['地址对照', 'Address pair'],
  address_vocab: ['地名读音', 'Place-name reading'],
  holiday_schedule: ['节假日安排', 'Holiday schedule'],
  guide: ['办事指南', 'Service guide'],
  document: ['办事指南', 'Service guide'],
  business: ['办事项目', 'Service'],
  category: ['业务分类', 'Category'],
  'guide.business': ['办事项目', 'Service'],
  'guide.category': ['业务分类', 'Category'],
  'logbook.rule': ['承诺时限', 'Time limit'],
  'logbook.committee': ['居委会', 'Committee'],
  queue_window: ['窗口', 'Window'],
  queue_ticket: ['号票', 'Ticket'],
  queue_service: ['叫号业务', 'Queue service'],
  queue_stats: ['叫号统计', 'Queue figures'],
  'staff.attendance': ['考勤', 'Attendance'],
  'staff.awards': ['月度评优', 'Monthly awards'],
  'staff.card': ['工作卡', 'Card'],
  'staff.check': ['所长检查', 'Director check'],
  'staff.followup': ['回访', 'Follow-up'],
  'staff.ladder': ['不良服务整改', 'Poor-service step'],
  'staff.report': ['考核报告', 'Assessment report'],
  'staff.spotCheck': ['抽查', 'Spot check']
}

/**
 * Detail keys by name; a key without one shows as written. test/unit/foundation/audit-names.test.ts
 * finds the keys main writes in literal details (`detail: { … }`, a helper's `audited(…, { … })`)
 * and requires a name for each; keys of a detail passed as a variable are listed here by hand.
 */
export const DETAIL_KEYS: Record<string, Name> = {
  reason: ['原因', 'reason'],
  reasons: ['原因', 'reasons'],
  version: ['版本', 'version'],
  versions: ['版本', 'versions'],
  amends: ['更正的版本', 'amends'],
  changed: ['改动', 'changed'],
  book: ['登记簿', 'register'],
  from: ['起', 'from'],
  to: ['止', 'to'],
  month: ['月份', 'month'],
  quarter: ['季度', 'quarter'],
  year: ['年份', 'year'],
  fromYear: ['起始年份', 'from year'],
  toYear: ['截止年份', 'to year'],
  rows: ['条数', 'rows'],
  pages: ['页数', 'pages'],
  copies: ['份数', 'copies'],
  size: ['数量', 'size'],
  format: ['格式', 'format'],
  file: ['文件', 'file'],
  path: ['文件', 'file'],
  bytes: ['字节数', 'bytes'],
  name: ['名称', 'name'],
  code: ['代码', 'code'],
  number: ['号码', 'number'],
  cardNumber: ['卡号', 'card number'],
  username: ['用户名', 'user name'],
  role: ['角色', 'role'],
  active: ['启用', 'active'],
  operatorId: ['账户', 'account'],
  replacedBy: ['接替的账户', 'replaced by'],
  failedAttempts: ['连续失败次数', 'failed attempts'],
  locked: ['已锁定', 'locked'],
  lockout: ['锁定次数', 'lockouts'],
  signedInAt: ['登录时间', 'signed in at'],
  maxHours: ['最长小时数', 'maximum hours'],
  lastActiveAt: ['最后操作时间', 'last active at'],
  idleLockMinutes: ['锁屏分钟数', 'idle lock minutes'],
  device: ['摄像头', 'camera'],
  width: ['宽', 'width'],
  height: ['高', 'height'],
  windowId: ['窗口', 'window'],
  note: ['备注', 'note'],
  message: ['信息', 'message'],
  mode: ['方式', 'mode'],
  direction: ['方向', 'direction'],
  identifiers: ['证件号码或电话', 'identifiers'],
  ids: ['编号', 'ids'],
  previous: ['原值', 'previous'],
  before: ['改前', 'before'],
  after: ['改后', 'after'],
  old: ['旧地址', 'old address'],
  new: ['新地址', 'new address'],
  term: ['词语', 'term'],
  reading: ['读音', 'reading'],
  origin: ['来源', 'origin'],
  imported: ['已导入', 'imported'],
  duplicates: ['重复', 'duplicates'],
  errors: ['错误', 'errors'],
  bulkLoad: ['批量导入', 'bulk load'],
  kept: ['保留', 'kept'],
  removed: ['删除的', 'removed'],
  spec: ['照片规格', 'photo spec'],
  passed: ['检测通过', 'passed'],
  failed: ['未通过的项', 'failed'],
  soft: ['可恢复', 'recoverable'],
  subjectRef: ['业务编号', 'reference'],
  takenAt: ['拍摄时间', 'taken at'],
  takenBy: ['拍摄人', 'taken by'],
  holidays: ['节假日', 'holidays'],
  workdays: ['调休上班日', 'working weekends'],
  conditions: ['情形', 'conditions'],
  categoriesChanged: ['分类有改动', 'categories changed'],
  by: ['修改人', 'by'],
  lane: ['队列', 'lane'],
  serviceId: ['业务', 'service'],
  level: ['评价', 'rating'],
  followupId: ['回访', 'follow-up'],
  bestId: ['最佳民警', 'best officer'],
  excellentIds: ['优秀民警', 'excellent officers'],
  suggestion: ['系统建议', 'suggestion'],
  seed: ['随机种子', 'seed'],
  poolSize: ['抽样范围', 'pool size'],
  entries: ['登记', 'entries'],
  photos: ['照片', 'photos'],
  other: ['其他', 'other'],
  sealedRows: ['封存条数', 'sealed rows'],
  headSeq: ['链尾序号', 'head sequence'],
  headHash: ['链尾哈希', 'head hash'],
  server: ['服务器', 'server'],
  caPem: ['CA 证书', 'CA certificate'],
  password: ['密码', 'password'],
  stationKey: ['本所密钥', 'station key'],
  stationKeyFingerprint: ['本所密钥指纹', 'station key fingerprint'],
  atFirstStart: ['启动时', 'at start'],
  queued: ['待上传', 'queued'],
  fromSeq: ['起始序号', 'from feed number'],
  toSeq: ['截止序号', 'to feed number'],
  taken: ['已采用', 'taken'],
  mended: ['已修正', 'mended'],
  skipped: ['已跳过', 'skipped'],
  conflictId: ['冲突编号', 'conflict'],
  keep: ['采用', 'kept'],
  local: ['本机的值', "this PC's value"],
  localVersion: ['本机版本', "this PC's version"],
  serverVersion: ['服务器版本', 'server version']
}

const pick = (name: Name, locale: Locale) => (locale === 'en-US' ? name[1] : name[0])

/** A table's own entry only: codes come from stored rows, and `constructor` is no action. */
const lookup = (table: Record<string, Name>, key: string): Name | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

/** The action's name, or null when it has none (the caller shows the code). */
export function auditActionName(action: string, locale: Locale): string | null {
  const named = lookup(AUDIT_ACTIONS, action)
  if (named) return pick(named, locale)
  const dot = action.lastIndexOf('.')
  const purpose = lookup(PASSWORD_CHECKS, action.slice(0, dot))
  const outcome = lookup(OUTCOMES, action.slice(dot + 1))
  if (!purpose || !outcome) return null
  return locale === 'en-US' ? `${purpose[1]} ${outcome[1]}` : `${purpose[0]}${outcome[0]}`
}

/** Every named action, for the log's filter. */
export function auditActionOptions(locale: Locale): { value: string; label: string }[] {
  const checks = Object.keys(PASSWORD_CHECKS).flatMap((purpose) =>
    Object.keys(OUTCOMES).map((outcome) => `${purpose}.${outcome}`)
  )
  return [...checks, ...Object.keys(AUDIT_ACTIONS)].map((value) => ({
    value,
    label: auditActionName(value, locale)!
  }))
}

/** The object's kind by name (a register entry by its book's title), with its id shortened. */
export function auditEntityText(
  entity: string | null,
  entityId: string | null,
  locale: Locale
): string {
  if (!entity) return '—'
  const bookKey = entity.startsWith('logbook.') ? entity.slice('logbook.'.length) : ''
  const book = isBookKey(bookKey) ? books[bookKey] : undefined
  const named = lookup(ENTITIES, entity)
  const kind = book
    ? pick([book.title, book.titleEn], locale)
    : named
      ? pick(named, locale)
      : entity
  return entityId ? `${kind} ${shortId(entityId)}` : kind
}

const valueText = (value: unknown, locale: Locale): string => {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean')
    return locale === 'en-US' ? (value ? 'yes' : 'no') : value ? '是' : '否'
  if (Array.isArray(value))
    return value.map((item) => valueText(item, locale)).join(locale === 'en-US' ? ', ' : '、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** A detail's JSON as `名称：值` pairs; text that is not a JSON object is shown as it is. */
export function auditDetailText(detail: string | null, locale: Locale): string {
  if (!detail) return ''
  let parsed: unknown
  try {
    parsed = JSON.parse(detail)
  } catch {
    return detail
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return detail
  const separator = locale === 'en-US' ? '; ' : '；'
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => {
      const named = lookup(DETAIL_KEYS, key)
      const label = named ? pick(named, locale) : key
      if (key === 'role' && locale === 'zh-CN' && roles.includes(value as Role))
        return `${label}：${roleLabels[value as Role]}`
      return `${label}${locale === 'en-US' ? ': ' : '：'}${valueText(value, locale)}`
    })
    .join(separator)
}
