import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import type { EntryView } from '../../../src/shared/logbooks/contract'
import { fakeClock, openSignedIn } from '../../helpers/services'

const ORIGIN = 'app://bianmin'
const meta = { senderUrl: `${ORIGIN}/index.html` }
const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const FIELD = { username: 'zhao.field', displayName: '赵刚', password: 'Field12345' }
const DIRECTOR = { username: 'zhang.director', displayName: '张所长', password: 'Director123' }

let services: Awaited<ReturnType<typeof openSignedIn>>
let table: ReturnType<typeof createIpcTable>
let clock: ReturnType<typeof fakeClock>
const ids: Record<string, string> = {}

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await table.invoke(channel, input, meta)
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
  return result.value as T
}
const saved = (channel: string, input: unknown) =>
  call<{ entry: EntryView }>(channel, input).then((r) => r.entry)

beforeEach(async () => {
  // Monday 2026-09-28 09:00 in Beijing, before the National Day holiday (Oct 1–7).
  clock = fakeClock('2026-09-28T01:00:00.000Z')
  services = await openSignedIn({ now: clock.now })
  table = createIpcTable(services, trustOrigins([ORIGIN]))
  const adminId = services.auth.current()!.operator.id
  for (const [who, role] of [
    [CLERK, 'clerk'],
    [FIELD, 'field'],
    [DIRECTOR, 'director']
  ] as const) {
    const row = await services.operators.create(
      { ...who, role, passwordHash: await services.auth.hashPassword(who.password) },
      adminId
    )
    ids[role] = row.id
  }
  await services.auth.signIn(CLERK)
})
afterEach(() => services.cleanup())

const form = {
  book: 'exitReview',
  occurredAt: '2026-09-28T01:00:00.000Z',
  fields: { applicantName: '陈晓梅', applicantPhone: '13912345678', applicationKind: 'hkMacau' }
}

/** The form's fields once the file was checked, handed over and the opinion returned. */
const reviewedFields = () => ({
  ...form.fields,
  fileCheckedBy: ids.clerk,
  fileCheckedAt: '2026-09-28T01:30:00.000Z',
  fileResult: 'clean',
  fieldOfficerId: ids.field,
  handedAt: '2026-09-29T08:00:00.000Z',
  reviewOpinion: '经审核，同意办理',
  reviewReturnedAt: '2026-09-30T02:00:00.000Z'
})

describe('出入境审核: file check, field review, director approval, resident told', () => {
  it('walks the chain; the deadline starts at the hand-over; approval is the director’s own step', async () => {
    // The steps are entered on Wednesday 30th 11:00, after they happened (none may lie ahead).
    clock.set('2026-09-30T03:00:00.000Z')
    await services.auth.signIn(CLERK)
    const entered = await saved('logbooks:create', form)
    expect(entered.status).toBe('entered')
    expect(entered.dueAt).toBeNull()

    const checked = await saved('logbooks:amend', {
      ...form,
      id: entered.id,
      fields: {
        ...form.fields,
        fileCheckedBy: ids.clerk,
        fileCheckedAt: '2026-09-28T01:30:00.000Z',
        fileResult: 'clean'
      }
    })
    expect(checked.status).toBe('file_checked')
    expect(checked.dueAt).toBeNull()

    const handed = await saved('logbooks:amend', {
      ...form,
      id: checked.id,
      fields: {
        ...form.fields,
        fileCheckedBy: ids.clerk,
        fileCheckedAt: '2026-09-28T01:30:00.000Z',
        fileResult: 'clean',
        fieldOfficerId: ids.field,
        // Tuesday 29th 16:00: + 2 calendar days is Oct 1, a holiday → the first working day
        // after the holiday (Oct 8), at office close.
        handedAt: '2026-09-29T08:00:00.000Z'
      }
    })
    expect(handed.status).toBe('in_review')
    expect(handed.officerId).toBe(ids.field)
    expect(handed.dueAt).toBe('2026-10-08T09:30:00.000Z')

    // Telling the resident before the review and the approval is refused, at the field.
    const telling = {
      ...form,
      id: handed.id,
      fields: {
        // The clerk's view masks the phone: the form starts from the values as entered.
        ...reviewedFields(),
        toldAt: '2026-09-30T03:00:00.000Z',
        toldNote: '电话告知本人'
      }
    }
    await expect(saved('logbooks:amend', telling)).rejects.toMatchObject({
      fields: { toldAt: expect.stringContaining('所长审批') }
    })

    const { toldAt: _t, toldNote: _n, ...returnedFields } = telling.fields
    const returned = await saved('logbooks:amend', { ...telling, fields: returnedFields })
    expect(returned.status).toBe('reviewed')

    // An administrator lengthens the rule meanwhile (past the holiday, so the date would move):
    // the promise made to this resident stands.
    const rule = (await services.logbooks.repo.ruleByCode('SLA-EXIT-REVIEW'))!
    await services.logbooks.repo.updateRule(
      { ...rule, amount: rule.amount + 20 },
      services.auth.current()!.operator.id
    )
    expect(returned.dueAt).toBe('2026-10-08T09:30:00.000Z')

    // Wednesday 30th 11:00: the opinion is back; only the director approves, password again.
    await expect(
      call('logbooks:approveExitReview', { id: returned.id, password: CLERK.password })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await services.auth.signIn(DIRECTOR)
    await expect(
      call('logbooks:approveExitReview', { id: returned.id, password: 'wrong-password' })
    ).rejects.toBeTruthy()
    const approved = await call<EntryView>('logbooks:approveExitReview', {
      id: returned.id,
      password: DIRECTOR.password
    })
    expect(approved.status).toBe('approved')
    expect(approved.dueAt).toBe(returned.dueAt)
    expect(approved.fields.approvedBy).toBe(ids.director)
    expect(approved.amendReason).toBe('所长审批')
    await expect(
      call('logbooks:approveExitReview', { id: approved.id, password: DIRECTOR.password })
    ).rejects.toMatchObject({ code: 'CONFLICT' })

    // The clerk tells the resident; the approval stays on the new version.
    await services.auth.signIn(CLERK)
    const formFields = returnedFields
    const told = await saved('logbooks:amend', {
      ...form,
      id: approved.id,
      fields: { ...formFields, toldAt: '2026-09-30T03:00:00.000Z', toldNote: '电话告知本人' }
    })
    expect(told.status).toBe('told')
    expect(told.fields.approvedBy).toBe(ids.director)
    expect(told.version).toBe(6)

    // The form cannot set the approval itself.
    await expect(
      saved('logbooks:amend', {
        ...form,
        id: told.id,
        fields: { ...formFields, approvedBy: ids.clerk }
      })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('a corrected opinion voids the approval: the director approves the new one', async () => {
    clock.set('2026-09-30T03:00:00.000Z')
    await services.auth.signIn(CLERK)
    const entered = await saved('logbooks:create', form)
    const reviewed = reviewedFields()
    const returned = await saved('logbooks:amend', { ...form, id: entered.id, fields: reviewed })
    await services.auth.signIn(DIRECTOR)
    const approved = await call<EntryView>('logbooks:approveExitReview', {
      id: returned.id,
      password: DIRECTOR.password
    })
    await services.auth.signIn(CLERK)
    const told = await saved('logbooks:amend', {
      ...form,
      id: approved.id,
      fields: { ...reviewed, toldAt: '2026-09-30T03:00:00.000Z', toldNote: '电话告知本人' }
    })
    expect(told.fields.approvedBy).toBe(ids.director)

    // Told already: a changed opinion cannot keep the telling without a new approval.
    const corrected = { ...reviewed, reviewOpinion: '经审核，不同意办理' }
    await expect(
      saved('logbooks:amend', {
        ...form,
        id: told.id,
        reason: '意见抄录有误',
        fields: { ...corrected, toldAt: '2026-09-30T03:00:00.000Z', toldNote: '电话告知本人' }
      })
    ).rejects.toMatchObject({ fields: { toldAt: expect.stringContaining('重新审批') } })

    // Without the telling, the correction goes back to the director.
    const back = await saved('logbooks:amend', {
      ...form,
      id: told.id,
      reason: '意见抄录有误',
      fields: corrected
    })
    expect(back.status).toBe('reviewed')
    expect(back.fields.approvedBy).toBeUndefined()
    expect(back.fields.approvedAt).toBeUndefined()
    const audit = services.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'logbook.amend' AND entity_id = ?`)
      .pluck()
      .get(back.id) as string
    expect(JSON.parse(audit).changed).toEqual(
      expect.arrayContaining(['reviewOpinion', 'approvedBy', 'approvedAt', 'toldAt', 'toldNote'])
    )
    await services.auth.signIn(DIRECTOR)
    const again = await call<EntryView>('logbooks:approveExitReview', {
      id: back.id,
      password: DIRECTOR.password
    })
    expect(again.status).toBe('approved')

    // The time of receipt is approved content too.
    await services.auth.signIn(CLERK)
    const moved = await saved('logbooks:amend', {
      ...form,
      occurredAt: '2026-09-28T01:05:00.000Z',
      id: again.id,
      fields: corrected
    })
    expect(moved.status).toBe('reviewed')
  })

  it('refuses a hand-over before a clean file check and approval before the opinion', async () => {
    clock.set('2026-09-28T02:00:00.000Z')
    await services.auth.signIn(CLERK)
    const entered = await saved('logbooks:create', form)
    await expect(
      saved('logbooks:amend', {
        ...form,
        id: entered.id,
        fields: {
          ...form.fields,
          fileCheckedBy: ids.clerk,
          fileCheckedAt: '2026-09-28T01:30:00.000Z',
          fileResult: 'problem',
          fieldOfficerId: ids.field,
          handedAt: '2026-09-28T02:00:00.000Z'
        }
      })
    ).rejects.toMatchObject({ fields: { handedAt: expect.any(String) } })
    await services.auth.signIn(DIRECTOR)
    await expect(
      call('logbooks:approveExitReview', { id: entered.id, password: DIRECTOR.password })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    const history = await call<{ history: EntryView[] }>('logbooks:get', {
      book: 'exitReview',
      id: entered.id
    })
    expect(history.history).toHaveLength(1)
  })
})
