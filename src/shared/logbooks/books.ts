/**
 * The station's registers, each with exactly the fields of its paper book. One spec per book
 * drives the contract, the form, the list, the printout and the export.
 */

export const bookKeys = ['liaison', 'patrol', 'phone', 'case', 'complaint'] as const
export type BookKey = (typeof bookKeys)[number]

export type FieldKind =
  | 'text'
  | 'longText'
  | 'name'
  | 'phone'
  | 'datetime'
  | 'select'
  | 'operator'
  | 'operators'
  | 'committee'
  | 'parties'

export interface Option {
  value: string
  label: string
  labelEn: string
}

export interface FieldSpec {
  key: string
  label: string
  labelEn: string
  kind: FieldKind
  required?: boolean
  max?: number
  options?: readonly Option[]
  /** Column width on the printed page, in mm (omitted: not printed). */
  printWidth?: number
  /** Holds personal data masked on print and export. */
  personal?: 'name' | 'phone' | 'parties'
}

export interface BookSpec {
  key: BookKey
  title: string
  titleEn: string
  /** The paper book's full title, printed as the page heading. */
  paperTitle: string
  /** Label of the entry's own time (occurredAt). */
  occurredLabel: string
  statuses: readonly Option[]
  /** Statuses after which a deadline no longer matters. */
  closedStatuses: readonly string[]
  /** The promise rule applied on creation (phone bookings choose one). */
  defaultRule: string | null
  fields: readonly FieldSpec[]
}

const opt = (value: string, label: string, labelEn: string): Option => ({ value, label, labelEn })

const completion = [
  opt('open', '未办', 'Open'),
  opt('in_progress', '在办', 'In progress'),
  opt('done', '已办结', 'Done')
] as const

export const books: Record<BookKey, BookSpec> = {
  liaison: {
    key: 'liaison',
    title: '联系登记簿',
    titleEn: 'Liaison log',
    paperTitle: '内勤和值班员与外勤、治安便民联系登记簿',
    occurredLabel: '时间',
    statuses: completion,
    closedStatuses: ['done'],
    defaultRule: null,
    fields: [
      {
        key: 'contactName',
        label: '联系人',
        labelEn: 'Contact',
        kind: 'name',
        required: true,
        printWidth: 22,
        personal: 'name'
      },
      { key: 'address', label: '住址', labelEn: 'Address', kind: 'text', max: 200, printWidth: 40 },
      {
        key: 'phone',
        label: '电话',
        labelEn: 'Phone',
        kind: 'phone',
        printWidth: 28,
        personal: 'phone'
      },
      {
        key: 'matter',
        label: '简要事由',
        labelEn: 'Matter',
        kind: 'longText',
        required: true,
        max: 500,
        printWidth: 55
      },
      {
        key: 'opinion',
        label: '民警意见',
        labelEn: "Officer's opinion",
        kind: 'longText',
        max: 500,
        printWidth: 40
      },
      {
        key: 'note',
        label: '结办情况',
        labelEn: 'Completion',
        kind: 'text',
        max: 300,
        printWidth: 30
      }
    ]
  },
  patrol: {
    key: 'patrol',
    title: '巡逻登记簿',
    titleEn: 'Patrol log',
    paperTitle: '巡逻登记簿',
    occurredLabel: '巡逻开始',
    statuses: [opt('on_patrol', '巡逻中', 'On patrol'), opt('done', '已结束', 'Finished')],
    closedStatuses: ['done'],
    defaultRule: null,
    fields: [
      {
        key: 'carNumber',
        label: '巡逻车号',
        labelEn: 'Car number',
        kind: 'text',
        required: true,
        max: 20,
        printWidth: 25
      },
      {
        key: 'endedAt',
        label: '巡逻结束',
        labelEn: 'Patrol end',
        kind: 'datetime',
        printWidth: 28
      },
      {
        key: 'officerIds',
        label: '巡逻民警',
        labelEn: 'Officers',
        kind: 'operators',
        required: true,
        printWidth: 40
      },
      {
        key: 'committeeId',
        label: '巡逻地段（居委会）',
        labelEn: 'Area (committee)',
        kind: 'committee',
        printWidth: 40
      },
      {
        key: 'unit',
        label: '巡逻地段（单位）',
        labelEn: 'Area (unit)',
        kind: 'text',
        max: 100,
        printWidth: 30
      },
      {
        key: 'countersignName',
        label: '居委会/单位签字人',
        labelEn: 'Countersigned by',
        kind: 'name',
        printWidth: 25,
        personal: 'name'
      },
      {
        key: 'countersignAt',
        label: '签字时间',
        labelEn: 'Countersigned at',
        kind: 'datetime',
        printWidth: 28
      }
    ]
  },
  phone: {
    key: 'phone',
    title: '电话预约登记簿',
    titleEn: 'Phone appointments',
    paperTitle: '便民服务电话预约登记簿',
    occurredLabel: '日期时间',
    statuses: completion,
    closedStatuses: ['done'],
    defaultRule: 'SLA-HOME-VISIT',
    fields: [
      {
        key: 'callerName',
        label: '来电人',
        labelEn: 'Caller',
        kind: 'name',
        required: true,
        printWidth: 22,
        personal: 'name'
      },
      {
        key: 'sex',
        label: '性别',
        labelEn: 'Sex',
        kind: 'select',
        required: true,
        options: [opt('male', '男', 'Male'), opt('female', '女', 'Female')],
        printWidth: 10
      },
      { key: 'address', label: '住址', labelEn: 'Address', kind: 'text', max: 200, printWidth: 40 },
      {
        key: 'matter',
        label: '事由',
        labelEn: 'Matter',
        kind: 'longText',
        required: true,
        max: 500,
        printWidth: 50
      },
      {
        key: 'callerPhone',
        label: '来电人电话',
        labelEn: "Caller's phone",
        kind: 'phone',
        required: true,
        printWidth: 28,
        personal: 'phone'
      },
      {
        key: 'note',
        label: '办理情况',
        labelEn: 'Handling',
        kind: 'text',
        max: 300,
        printWidth: 35
      }
    ]
  },
  case: {
    key: 'case',
    title: '案件纠纷受理',
    titleEn: 'Cases and disputes',
    paperTitle: '治安案件、民事纠纷受理登记',
    occurredLabel: '受理时间',
    statuses: [
      opt('accepted', '已受理', 'Accepted'),
      opt('investigating', '调查中', 'Investigating'),
      opt('decided', '已裁决', 'Decided'),
      opt('closed', '已结案', 'Closed')
    ],
    closedStatuses: ['decided', 'closed'],
    defaultRule: 'SLA-CASE',
    fields: [
      {
        key: 'kind',
        label: '类别',
        labelEn: 'Kind',
        kind: 'select',
        required: true,
        options: [
          opt('security', '治安案件', 'Security case'),
          opt('dispute', '民事纠纷', 'Civil dispute')
        ],
        printWidth: 20
      },
      {
        key: 'parties',
        label: '当事人',
        labelEn: 'Parties',
        kind: 'parties',
        required: true,
        printWidth: 60,
        personal: 'parties'
      },
      {
        key: 'summary',
        label: '案情摘要',
        labelEn: 'Summary',
        kind: 'longText',
        required: true,
        max: 1000,
        printWidth: 60
      },
      {
        key: 'officerId',
        label: '承办民警',
        labelEn: 'Handling officer',
        kind: 'operator',
        required: true,
        printWidth: 22
      },
      {
        key: 'decisionNote',
        label: '处理结果',
        labelEn: 'Decision',
        kind: 'longText',
        max: 1000,
        printWidth: 40
      },
      {
        key: 'extensionReason',
        label: '延期理由',
        labelEn: 'Extension reason',
        kind: 'text',
        max: 300
      }
    ]
  },
  complaint: {
    key: 'complaint',
    title: '监督投诉',
    titleEn: 'Complaints',
    paperTitle: '监督投诉登记',
    occurredLabel: '投诉时间',
    statuses: [
      opt('open', '待调查', 'Open'),
      opt('investigating', '调查中', 'Investigating'),
      opt('answered', '已答复', 'Answered')
    ],
    closedStatuses: ['answered'],
    defaultRule: 'COMPLAINT',
    fields: [
      {
        key: 'complainantName',
        label: '投诉人',
        labelEn: 'Complainant',
        kind: 'name',
        required: true,
        printWidth: 22,
        personal: 'name'
      },
      {
        key: 'complainantPhone',
        label: '投诉人电话',
        labelEn: "Complainant's phone",
        kind: 'phone',
        printWidth: 28,
        personal: 'phone'
      },
      {
        key: 'subject',
        label: '投诉对象及事项',
        labelEn: 'About whom / what',
        kind: 'longText',
        required: true,
        max: 500,
        printWidth: 55
      },
      {
        key: 'investigation',
        label: '调查结果',
        labelEn: 'Investigation result',
        kind: 'longText',
        max: 1000,
        printWidth: 45
      },
      { key: 'toldAt', label: '告知时间', labelEn: 'Told at', kind: 'datetime', printWidth: 28 },
      {
        key: 'toldHow',
        label: '告知方式',
        labelEn: 'Told how',
        kind: 'text',
        max: 100,
        printWidth: 22
      }
    ]
  }
}

export const statusLabel = (book: BookKey, status: string) =>
  books[book].statuses.find((s) => s.value === status)?.label ?? status
