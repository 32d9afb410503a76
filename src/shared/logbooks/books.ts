/**
 * The station's registers, each with exactly the fields of its paper book. One spec per book
 * drives the contract, the form, the list, the printout and the export.
 */

export const bookKeys = [
  'liaison',
  'patrol',
  'phone',
  'case',
  'complaint',
  'exitReview',
  'callout',
  'visit',
  'proxyResident',
  'proxy',
  'door',
  'backOffice'
] as const
export type BookKey = (typeof bookKeys)[number]

export const isBookKey = (key: string): key is BookKey =>
  (bookKeys as readonly string[]).includes(key)

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
  | 'entryLink'

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
  /** entryLink: the book whose entry (its root id) this field points at. */
  linkBook?: BookKey
  /** Set by main through its own action (the director's approval), never by the form. */
  system?: true
  /** Cannot change once this system field is set: what the director approved stands. */
  lockedBy?: string
  /**
   * datetime: when something happened (an arrival, a step done), so not after now; main refuses
   * a later time. Promised and agreed times are left without it: they lie ahead by nature.
   */
  notAfterNow?: true
}

/**
 * Where an entry's deadline comes from. `rule`: the promise rule applied to the entry's time, or
 * to the time in `from` once it is filled (no deadline before). `field`: the time the clerk
 * promised, entered in that field. `officeClose`: the end of office hours on the entry's day
 * (the end of that day when it occurred later).
 */
export type DeadlineSpec =
  { kind: 'rule'; from?: string } | { kind: 'field'; field: string } | { kind: 'officeClose' }

/** A step's rule broken: the field to mark and what to tell the clerk. */
export interface StepProblem {
  field: string
  message: string
}

export interface BookSpec {
  key: BookKey
  title: string
  titleEn: string
  /** The paper book's full title, printed as the page heading. */
  paperTitle: string
  /** Label of the entry's own time (occurredAt): when it happened, so never after now either. */
  occurredLabel: string
  statuses: readonly Option[]
  /** Statuses after which a deadline no longer matters. */
  closedStatuses: readonly string[]
  /** The promise rule applied on creation (phone bookings choose one). */
  defaultRule: string | null
  /**
   * The form offers the rule (phone bookings): an entry sent without one takes the default. In the
   * other books the form has no rule, so a correction keeps the entry's (a poor rating's
   * complaint is due under QUEUE-RATING, not the book's default).
   */
  ruleChoice?: boolean
  /** The field that says what an entry is about on the board, when the book has no long text. */
  summaryField?: string
  /** The operator field the entry belongs to (default officerId, else the first of officerIds). */
  officerField?: string
  /** Where the deadline comes from (default: the rule from the entry's time). */
  deadline?: DeadlineSpec
  /** The time field that meets the deadline (arrival, answer, installation): on time when ≤ due. */
  metBy?: string
  fields: readonly FieldSpec[]
  /** 四项制度: entries the officers must follow up with a visit (追访), by topic. */
  followUp?: (fields: Record<string, unknown>) => 'case' | 'dispute' | 'emergency'
  /** The status follows from the filled steps (main sets it; the form shows no status choice). */
  deriveStatus?: (fields: Record<string, unknown>) => string
  /** Order and consistency of the steps, with the entry's own time. */
  checkSteps?: (fields: Record<string, unknown>, occurredAt: string) => StepProblem | null
  /**
   * The director's approval (its system fields) and the form fields that come after it: an
   * amendment changing the entry's time or any other form field voids the approval, as an
   * amendment leaves a signature behind, so corrected content is approved again.
   */
  approval?: { system: readonly string[]; after: readonly string[] }
}

const filled = (value: unknown) => value !== undefined && value !== null && value !== ''

/** The first time field filled before an earlier step's time (ISO instants compare as text). */
function timeOrder(
  fields: Record<string, unknown>,
  occurredAt: string,
  steps: readonly { key: string; label: string }[],
  startLabel: string
): StepProblem | null {
  let last = { at: occurredAt, label: startLabel }
  for (const step of steps) {
    const at = fields[step.key]
    if (typeof at !== 'string' || !at) continue
    if (at < last.at) return { field: step.key, message: `${step.label}不能早于${last.label}` }
    last = { at, label: step.label }
  }
  return null
}

const opt = (value: string, label: string, labelEn: string): Option => ({ value, label, labelEn })

const completion = [
  opt('open', '未办', 'Open'),
  opt('in_progress', '在办', 'In progress'),
  opt('done', '已办结', 'Done')
] as const

const exitReviewSteps = [
  { key: 'fileCheckedAt', label: '档案核查时间' },
  { key: 'handedAt', label: '交外勤时间' },
  { key: 'reviewReturnedAt', label: '意见返回时间' },
  { key: 'approvedAt', label: '所长审批时间' },
  { key: 'toldAt', label: '告知时间' }
] as const

/**
 * The exit-entry chain: file check (inside clerk), review (field officer, within SLA-EXIT-REVIEW of
 * the hand-over), approval (the supervising director, its own action), telling the resident.
 */
const exitReview: BookSpec = {
  key: 'exitReview',
  title: '出入境审核',
  titleEn: 'Exit-entry review',
  paperTitle: '出入境申请审核登记簿',
  occurredLabel: '收表时间',
  approval: { system: ['approvedBy', 'approvedAt'], after: ['toldAt', 'toldNote'] },
  statuses: [
    opt('entered', '已收表', 'Form received'),
    opt('file_checked', '档案已核', 'File checked'),
    opt('in_review', '外勤审核中', 'With field officer'),
    opt('reviewed', '意见已返回', 'Opinion returned'),
    opt('approved', '所长已审批', 'Approved by director'),
    opt('refused', '档案不符', 'File problem'),
    opt('told', '已告知申请人', 'Resident told')
  ],
  closedStatuses: ['reviewed', 'approved', 'refused', 'told'],
  defaultRule: 'SLA-EXIT-REVIEW',
  deadline: { kind: 'rule', from: 'handedAt' },
  metBy: 'reviewReturnedAt',
  officerField: 'fieldOfficerId',
  fields: [
    {
      key: 'applicantName',
      label: '申请人',
      labelEn: 'Applicant',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'applicantPhone',
      label: '申请人电话',
      labelEn: "Applicant's phone",
      kind: 'phone',
      printWidth: 26,
      personal: 'phone'
    },
    {
      key: 'applicationKind',
      label: '申请类别',
      labelEn: 'Application',
      kind: 'select',
      required: true,
      options: [
        opt('passport', '普通护照', 'Passport'),
        opt('hkMacau', '往来港澳通行证', 'HK/Macao pass'),
        opt('taiwan', '往来台湾通行证', 'Taiwan pass'),
        opt('other', '其他', 'Other')
      ],
      printWidth: 22
    },
    {
      key: 'fileCheckedBy',
      label: '核查内勤',
      labelEn: 'File checked by',
      kind: 'operator',
      printWidth: 18
    },
    {
      key: 'fileCheckedAt',
      label: '档案核查时间',
      labelEn: 'File checked at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'fileResult',
      label: '档案核查结果',
      labelEn: 'File result',
      kind: 'select',
      options: [opt('clean', '档案无异常', 'Clean'), opt('problem', '档案有问题', 'Problem')],
      printWidth: 20
    },
    {
      key: 'fileNote',
      label: '档案核查情况',
      labelEn: 'File notes',
      kind: 'text',
      max: 300,
      printWidth: 30
    },
    {
      key: 'fieldOfficerId',
      label: '审核外勤',
      labelEn: 'Field officer',
      kind: 'operator',
      printWidth: 18
    },
    {
      key: 'handedAt',
      label: '交外勤时间',
      labelEn: 'Handed over at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'reviewOpinion',
      label: '审核意见',
      labelEn: 'Review opinion',
      kind: 'longText',
      max: 500,
      printWidth: 40
    },
    {
      key: 'reviewReturnedAt',
      label: '意见返回时间',
      labelEn: 'Opinion returned at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'approvedBy',
      label: '审批所长',
      labelEn: 'Approved by',
      kind: 'operator',
      system: true,
      printWidth: 18
    },
    {
      key: 'approvedAt',
      label: '审批时间',
      labelEn: 'Approved at',
      kind: 'datetime',
      system: true,
      printWidth: 26
    },
    {
      key: 'toldAt',
      label: '告知时间',
      labelEn: 'Told at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'toldNote',
      label: '告知方式及结果（电话/短信）',
      labelEn: 'How told (phone/SMS)',
      kind: 'text',
      max: 200,
      printWidth: 30
    }
  ],
  deriveStatus: (f) =>
    filled(f.toldAt)
      ? 'told'
      : filled(f.approvedAt)
        ? 'approved'
        : filled(f.reviewReturnedAt)
          ? 'reviewed'
          : f.fileResult === 'problem'
            ? 'refused'
            : filled(f.handedAt)
              ? 'in_review'
              : filled(f.fileResult)
                ? 'file_checked'
                : 'entered',
  checkSteps: (f, occurredAt) => {
    if (filled(f.fileResult) && !filled(f.fileCheckedAt)) {
      return { field: 'fileCheckedAt', message: '请填写档案核查时间' }
    }
    if (filled(f.fileResult) && !filled(f.fileCheckedBy)) {
      return { field: 'fileCheckedBy', message: '请选择核查档案的内勤' }
    }
    if (filled(f.handedAt) && f.fileResult !== 'clean') {
      return { field: 'handedAt', message: '档案核查无异常后才能交外勤审核' }
    }
    if (filled(f.handedAt) && !filled(f.fieldOfficerId)) {
      return { field: 'fieldOfficerId', message: '请选择审核的外勤民警' }
    }
    if (filled(f.reviewReturnedAt) && !filled(f.handedAt)) {
      return { field: 'reviewReturnedAt', message: '尚未交外勤审核' }
    }
    if (filled(f.reviewReturnedAt) && !filled(f.reviewOpinion)) {
      return { field: 'reviewOpinion', message: '请填写外勤的审核意见' }
    }
    if (filled(f.toldAt) && !filled(f.approvedAt) && f.fileResult !== 'problem') {
      return { field: 'toldAt', message: '所长审批后才能告知申请人' }
    }
    if (filled(f.toldAt) && !filled(f.toldNote)) {
      return { field: 'toldNote', message: '请填写告知方式及结果' }
    }
    return timeOrder(f, occurredAt, exitReviewSteps, '收表时间')
  }
}

/** 报警求助: the call, the officers sent, the arrival against 5 minutes by day and 10 at night. */
const callout: BookSpec = {
  key: 'callout',
  title: '报警求助',
  titleEn: 'Emergency call-outs',
  paperTitle: '报警求助出警登记簿',
  occurredLabel: '接警时间',
  statuses: [
    opt('dispatched', '已出警', 'Dispatched'),
    opt('arrived', '已到达现场', 'On scene'),
    opt('closed', '已处置', 'Handled')
  ],
  closedStatuses: ['arrived', 'closed'],
  defaultRule: 'SLA-EMERGENCY',
  metBy: 'arrivedAt',
  followUp: () => 'emergency',
  fields: [
    {
      key: 'callerName',
      label: '报警人',
      labelEn: 'Caller',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'callerPhone',
      label: '报警人电话',
      labelEn: "Caller's phone",
      kind: 'phone',
      printWidth: 26,
      personal: 'phone'
    },
    {
      key: 'place',
      label: '地点',
      labelEn: 'Place',
      kind: 'text',
      required: true,
      max: 200,
      printWidth: 35
    },
    {
      key: 'matter',
      label: '报警求助事项',
      labelEn: 'Matter',
      kind: 'longText',
      required: true,
      max: 500,
      printWidth: 45
    },
    {
      key: 'officerIds',
      label: '出警民警',
      labelEn: 'Officers sent',
      kind: 'operators',
      required: true,
      printWidth: 30
    },
    {
      key: 'arrivedAt',
      label: '到达现场时间',
      labelEn: 'Arrived at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'outcome',
      label: '处置结果',
      labelEn: 'Outcome',
      kind: 'longText',
      max: 1000,
      printWidth: 40
    },
    {
      key: 'caseEntryId',
      label: '转案件受理',
      labelEn: 'Case entry',
      kind: 'entryLink',
      linkBook: 'case'
    }
  ],
  deriveStatus: (f) =>
    filled(f.outcome) ? 'closed' : filled(f.arrivedAt) ? 'arrived' : 'dispatched',
  checkSteps: (f, occurredAt) => {
    if (filled(f.outcome) && !filled(f.arrivedAt)) {
      return { field: 'arrivedAt', message: '请先填写到达现场时间' }
    }
    return timeOrder(f, occurredAt, [{ key: 'arrivedAt', label: '到达现场时间' }], '接警时间')
  }
}

/** 群众来访接待、咨询电话: answered at once, or logged with the answer date promised. */
const visit: BookSpec = {
  key: 'visit',
  title: '来访咨询',
  titleEn: 'Visitors and enquiries',
  paperTitle: '群众来访接待及咨询电话登记簿',
  occurredLabel: '来访/来电时间',
  statuses: [
    opt('answered_now', '当场答复', 'Answered at once'),
    opt('pending', '待答复', 'Answer due'),
    opt('answered', '已答复', 'Answered')
  ],
  closedStatuses: ['answered_now', 'answered'],
  defaultRule: null,
  deadline: { kind: 'field', field: 'promisedAt' },
  metBy: 'answeredAt',
  fields: [
    {
      key: 'channel',
      label: '方式',
      labelEn: 'Channel',
      kind: 'select',
      required: true,
      options: [opt('visit', '来访', 'Visit'), opt('phone', '咨询电话', 'Phone')],
      printWidth: 16
    },
    {
      key: 'visitorName',
      label: '来访/来电人',
      labelEn: 'Resident',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'visitorPhone',
      label: '联系电话',
      labelEn: 'Phone',
      kind: 'phone',
      printWidth: 26,
      personal: 'phone'
    },
    {
      key: 'matter',
      label: '来访/咨询事项',
      labelEn: 'Matter',
      kind: 'longText',
      required: true,
      max: 500,
      printWidth: 45
    },
    {
      key: 'promisedAt',
      label: '承诺答复时间',
      labelEn: 'Answer promised by',
      kind: 'datetime',
      printWidth: 26
    },
    {
      key: 'answer',
      label: '答复内容',
      labelEn: 'Answer',
      kind: 'longText',
      max: 1000,
      printWidth: 40
    },
    {
      key: 'answeredAt',
      label: '答复时间',
      labelEn: 'Answered at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'satisfied',
      label: '群众是否满意',
      labelEn: 'Satisfied',
      kind: 'select',
      options: [opt('yes', '满意', 'Satisfied'), opt('no', '不满意', 'Not satisfied')],
      printWidth: 16
    }
  ],
  deriveStatus: (f) =>
    filled(f.promisedAt)
      ? filled(f.answeredAt)
        ? 'answered'
        : 'pending'
      : filled(f.answer)
        ? 'answered_now'
        : 'pending',
  checkSteps: (f, occurredAt) => {
    if (!filled(f.answer) && !filled(f.promisedAt)) {
      return { field: 'promisedAt', message: '当场答复不了的，请登记承诺答复时间' }
    }
    if (filled(f.answeredAt) && !filled(f.answer)) {
      return { field: 'answer', message: '请填写答复内容' }
    }
    if (filled(f.promisedAt) && filled(f.answer) && !filled(f.answeredAt)) {
      return { field: 'answeredAt', message: '请填写答复时间' }
    }
    if (filled(f.satisfied) && !filled(f.answer)) {
      return { field: 'satisfied', message: '答复后再记录是否满意' }
    }
    // An answer may come before the promised time: each is checked against the visit only.
    return (
      timeOrder(f, occurredAt, [{ key: 'promisedAt', label: '承诺答复时间' }], '来访时间') ??
      timeOrder(f, occurredAt, [{ key: 'answeredAt', label: '答复时间' }], '来访时间')
    )
  }
}

/** 代办服务对象: residents entitled to proxy service, with whom to contact. */
const proxyResident: BookSpec = {
  key: 'proxyResident',
  title: '代办服务对象',
  titleEn: 'Proxy-service residents',
  paperTitle: '代办服务对象名册',
  occurredLabel: '登记时间',
  statuses: [opt('active', '在册', 'Listed'), opt('inactive', '已撤销', 'Removed')],
  closedStatuses: ['inactive'],
  defaultRule: null,
  fields: [
    {
      key: 'residentName',
      label: '姓名',
      labelEn: 'Name',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'category',
      label: '类别',
      labelEn: 'Category',
      kind: 'select',
      required: true,
      options: [
        opt('retiredCadre', '离休老干部', 'Retired cadre'),
        opt('martyrFamily', '军烈属', "Martyr's or soldier's family"),
        opt('unableToCome', '行动不便群众', 'Cannot come in person'),
        opt('other', '其他', 'Other')
      ],
      printWidth: 24
    },
    {
      key: 'address',
      label: '住址',
      labelEn: 'Address',
      kind: 'text',
      required: true,
      max: 200,
      printWidth: 45
    },
    {
      key: 'phone',
      label: '电话',
      labelEn: 'Phone',
      kind: 'phone',
      printWidth: 26,
      personal: 'phone'
    },
    {
      key: 'contactName',
      label: '联系人',
      labelEn: 'Contact',
      kind: 'name',
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'contactPhone',
      label: '联系人电话',
      labelEn: "Contact's phone",
      kind: 'phone',
      printWidth: 26,
      personal: 'phone'
    },
    { key: 'note', label: '备注', labelEn: 'Notes', kind: 'text', max: 300, printWidth: 30 }
  ]
}

/** 代办、上门、定期法律咨询: each job on its agreed time, done by the officer. */
const proxy: BookSpec = {
  key: 'proxy',
  title: '代办上门',
  titleEn: 'Proxy and home services',
  paperTitle: '代办及上门服务登记簿',
  occurredLabel: '登记时间',
  statuses: [
    opt('scheduled', '已约定', 'Scheduled'),
    opt('done', '已办结', 'Done'),
    opt('cancelled', '已取消', 'Cancelled')
  ],
  closedStatuses: ['done', 'cancelled'],
  defaultRule: null,
  deadline: { kind: 'field', field: 'scheduledAt' },
  metBy: 'doneAt',
  officerField: 'handlerId',
  fields: [
    {
      key: 'residentId',
      label: '代办服务对象',
      labelEn: 'Listed resident',
      kind: 'entryLink',
      linkBook: 'proxyResident'
    },
    {
      key: 'residentName',
      label: '服务对象',
      labelEn: 'Resident',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'serviceKind',
      label: '服务类别',
      labelEn: 'Service',
      kind: 'select',
      required: true,
      options: [
        opt('proxy', '代办手续', 'Paperwork by proxy'),
        opt('home', '上门服务', 'Home visit'),
        opt('legal', '法律咨询', 'Legal advice')
      ],
      printWidth: 20
    },
    {
      key: 'matter',
      label: '事项',
      labelEn: 'Matter',
      kind: 'longText',
      required: true,
      max: 500,
      printWidth: 45
    },
    {
      key: 'scheduledAt',
      label: '约定时间',
      labelEn: 'Agreed time',
      kind: 'datetime',
      required: true,
      printWidth: 26
    },
    {
      key: 'handlerId',
      label: '承办民警',
      labelEn: 'Officer',
      kind: 'operator',
      printWidth: 18
    },
    {
      key: 'doneAt',
      label: '办结时间',
      labelEn: 'Done at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    {
      key: 'result',
      label: '办理结果',
      labelEn: 'Result',
      kind: 'text',
      max: 300,
      printWidth: 35
    },
    {
      key: 'cancelReason',
      label: '取消原因',
      labelEn: 'Why cancelled',
      kind: 'text',
      max: 200
    }
  ],
  deriveStatus: (f) =>
    filled(f.doneAt) ? 'done' : filled(f.cancelReason) ? 'cancelled' : 'scheduled',
  checkSteps: (f, occurredAt) => {
    if (filled(f.doneAt) && !filled(f.result)) {
      return { field: 'result', message: '请填写办理结果' }
    }
    return timeOrder(f, occurredAt, [{ key: 'doneAt', label: '办结时间' }], '登记时间')
  }
}

/** 防盗门预约: booked by phone, fitted within the SLA-DOOR promise. */
const door: BookSpec = {
  key: 'door',
  title: '防盗门预约',
  titleEn: 'Security-door bookings',
  paperTitle: '防盗门安装预约登记簿',
  occurredLabel: '预约时间',
  statuses: [opt('booked', '已预约', 'Booked'), opt('installed', '已安装', 'Fitted')],
  closedStatuses: ['installed'],
  defaultRule: 'SLA-DOOR',
  metBy: 'installedAt',
  summaryField: 'address',
  fields: [
    {
      key: 'residentName',
      label: '预约人',
      labelEn: 'Resident',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'phone',
      label: '电话',
      labelEn: 'Phone',
      kind: 'phone',
      required: true,
      printWidth: 26,
      personal: 'phone'
    },
    {
      key: 'address',
      label: '安装地址',
      labelEn: 'Address',
      kind: 'text',
      required: true,
      max: 200,
      printWidth: 45
    },
    {
      key: 'requirement',
      label: '门型及要求',
      labelEn: 'Door and needs',
      kind: 'text',
      max: 200,
      printWidth: 30
    },
    {
      key: 'installer',
      label: '安装单位',
      labelEn: 'Fitter',
      kind: 'text',
      max: 100,
      printWidth: 25
    },
    {
      key: 'installedAt',
      label: '安装日期',
      labelEn: 'Fitted on',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    { key: 'note', label: '备注', labelEn: 'Notes', kind: 'text', max: 300, printWidth: 25 }
  ],
  deriveStatus: (f) => (filled(f.installedAt) ? 'installed' : 'booked'),
  checkSteps: (f, occurredAt) =>
    timeOrder(f, occurredAt, [{ key: 'installedAt', label: '安装日期' }], '预约时间')
}

/** 先外后内: the resident's household book done first, the station's own slip (户口底票) the same day. */
const backOffice: BookSpec = {
  key: 'backOffice',
  title: '先外后内',
  titleEn: 'Back-office items',
  paperTitle: '先外后内内务登记簿',
  occurredLabel: '窗口办结时间',
  statuses: [opt('open', '待处理', 'Open'), opt('cleared', '已处理', 'Cleared')],
  closedStatuses: ['cleared'],
  defaultRule: null,
  deadline: { kind: 'officeClose' },
  metBy: 'clearedAt',
  summaryField: 'pendingItem',
  fields: [
    {
      key: 'residentName',
      label: '群众姓名',
      labelEn: 'Resident',
      kind: 'name',
      required: true,
      printWidth: 20,
      personal: 'name'
    },
    {
      key: 'business',
      label: '业务',
      labelEn: 'Business',
      kind: 'text',
      required: true,
      max: 60,
      printWidth: 28
    },
    {
      key: 'pendingItem',
      label: '待办内务（如户口底票）',
      labelEn: 'Back-office item',
      kind: 'text',
      required: true,
      max: 200,
      printWidth: 45
    },
    {
      key: 'clearedAt',
      label: '处理完成时间',
      labelEn: 'Cleared at',
      kind: 'datetime',
      notAfterNow: true,
      printWidth: 26
    },
    { key: 'note', label: '备注', labelEn: 'Notes', kind: 'text', max: 300, printWidth: 30 }
  ],
  deriveStatus: (f) => (filled(f.clearedAt) ? 'cleared' : 'open'),
  checkSteps: (f, occurredAt) =>
    timeOrder(f, occurredAt, [{ key: 'clearedAt', label: '处理完成时间' }], '窗口办结时间')
}

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
        notAfterNow: true,
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
        notAfterNow: true,
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
    ruleChoice: true,
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
    followUp: (f) => (f.kind === 'dispute' ? 'dispute' : 'case'),
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
        max: 300,
        lockedBy: 'extensionApprovedAt'
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
      {
        key: 'toldAt',
        label: '告知时间',
        labelEn: 'Told at',
        kind: 'datetime',
        notAfterNow: true,
        printWidth: 28
      },
      {
        key: 'toldHow',
        label: '告知方式',
        labelEn: 'Told how',
        kind: 'text',
        max: 100,
        printWidth: 22
      }
    ]
  },
  exitReview,
  callout,
  visit,
  proxyResident,
  proxy,
  door,
  backOffice
}

export const statusLabel = (book: BookKey, status: string) =>
  books[book].statuses.find((s) => s.value === status)?.label ?? status
