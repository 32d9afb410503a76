import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser, startApp, type RunningApp } from './harness'
import { addOfficers, CLERK, DIRECTOR, FIELD } from './staff-setup'

/** The page's computed style, typed here since the e2e tests compile without the DOM library. */
interface StyleWindow {
  getComputedStyle(element: unknown): { color: string }
}

/** #cf1322, the red of overdue deadlines. */
const RED = 'rgb(207, 19, 34)'

/**
 * The window's registers (出入境审核, 报警求助, 来访咨询, 先外后内) in station time on a clock the
 * test sets: main's (deadlines, the today board, the month's table) and the page's (是否按时 and
 * the red due dates compare with the browser's Date). The clock only moves forward.
 */
describe('window registers: exit-entry review, call-outs, consultations, back-office items', () => {
  let browser: Browser
  let app: RunningApp
  let page: Page
  let current = Date.parse('2026-12-08T09:00:00+08:00')

  /** Moves both clocks to a station time and signs `who` in afresh (a jump of days would expire the session). */
  const at = async (local: string, who: typeof CLERK) => {
    await app.services.auth.signOut()
    const next = Date.parse(`${local}:00+08:00`)
    expect(next).toBeGreaterThanOrEqual(current)
    current = next
    await page.clock.setFixedTime(current)
    await app.services.auth.signIn(who)
    await page.getByTestId('status-operator').getByText(who.displayName).waitFor()
  }

  /** Clicks a tab of the module; the strip may have scrolled it under the menu, out of reach. */
  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click()

  const openBook = async (title: string) => {
    await page.keyboard.press('F5')
    await tab(title)
  }

  /** The entry form (new or correction) of a register. */
  const entryForm = (title: string) =>
    page.locator('.ant-modal').filter({
      has: page.locator('.ant-modal-title').getByText(title, { exact: true })
    })

  /** Chooses an option of a select in the form, from that select's own dropdown. */
  const pick = async (form: Locator, label: string, option: string) => {
    const box = form.getByLabel(label, { exact: true })
    await box.click()
    const listId = await box.getAttribute('aria-controls')
    await page
      .locator('.ant-select-dropdown')
      .filter({ has: page.locator(`[id="${listId}"]`) })
      .locator(`.ant-select-item-option[title="${option}"]`)
      .click()
    // Close a multiple select's dropdown by clicking the form's title (Escape would close the form).
    await form.locator('.ant-modal-title').click()
  }

  const save = async (form: Locator) => {
    await form.getByRole('button', { name: '确定' }).click()
    await form.waitFor({ state: 'hidden' })
  }

  const row = (name: string) => page.locator('.ant-table-row', { hasText: name })

  /** The text of a list row's cell under the given column title. */
  const cell = async (name: string, column: string) => {
    const titles = await row(name)
      .locator('xpath=ancestor::table[1]')
      .locator('.ant-table-thead th')
      .allTextContents()
    const index = titles.indexOf(column)
    expect(index, `column ${column} in ${titles.join('|')}`).toBeGreaterThanOrEqual(0)
    return row(name).locator('td').nth(index)
  }
  const cellText = async (name: string, column: string) =>
    ((await (await cell(name, column)).textContent()) ?? '').trim()

  /** Opens the entry's drawer from the list and starts a correction. */
  const amend = async (name: string, title: string) => {
    await row(name).click()
    await page.getByTestId('entry-detail').waitFor()
    await page.locator('.ant-drawer').getByRole('button', { name: '更正' }).click()
    const form = entryForm(`${title} · 更正`)
    await form.waitFor()
    return form
  }

  const board = async () => {
    await tab('今日')
    const overdue = page.getByTestId('board-overdue')
    await overdue.waitFor()
    return overdue
  }

  const colorOf = (locator: Locator) =>
    locator.evaluate((el) =>
      (globalThis as unknown as StyleWindow).getComputedStyle(el).color.toString()
    )

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true, now: () => new Date(current) })
    page = app.page
    await addOfficers(app.services, {})
    // The page's Date follows the same clock from its first render.
    await page.clock.setFixedTime(current)
    await page.reload()
    await page.getByTestId('status-operator').waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('an exit-entry form: received, file checked, handed over, overdue in red, returned, signed', async () => {
    const title = '出入境审核'
    await at('2026-12-08T09:00', CLERK)
    await openBook(title)
    await page.getByRole('button', { name: '新登记' }).click()
    const form = entryForm(title)
    await form.waitFor()
    // No status to choose: it follows the steps filled.
    expect(await form.getByTestId('status-follows-steps').textContent()).toBe(
      '状态随填写的步骤自动确定'
    )
    expect(await form.getByLabel('收表时间').inputValue()).toBe('2026-12-08T09:00')
    await form.getByLabel('申请人', { exact: true }).fill('刘志强')
    await pick(form, '申请类别', '普通护照')
    await save(form)
    await row('刘志强').waitFor()
    await expect.poll(() => cellText('刘志强', '状态')).toBe('已收表')
    // No deadline before the hand-over to the field officer.
    expect(await cellText('刘志强', '期限')).toBe('')
    await app.screenshot('window-01-exit-received')

    // At 11:00 the inside clerk checks the file: clean (a check time ahead of now is refused).
    await at('2026-12-08T11:00', CLERK)
    await openBook(title)
    const check = await amend('刘志强', title)
    await pick(check, '核查内勤', CLERK.displayName)
    await check.getByLabel('档案核查时间').fill('2026-12-08T11:00')
    await pick(check, '档案核查结果', '档案无异常')
    await check.getByLabel('档案核查情况').fill('户籍档案与申请表一致')
    await save(check)
    await expect.poll(() => cellText('刘志强', '状态')).toBe('档案已核')

    // Two days later it goes to the field officer; a hand-over without the officer is refused.
    await at('2026-12-10T10:00', CLERK)
    await openBook(title)
    const hand = await amend('刘志强', title)
    await hand.getByLabel('交外勤时间').fill('2026-12-10T10:00')
    await hand.getByRole('button', { name: '确定' }).click()
    const officerItem = hand.locator('.ant-form-item', {
      has: page.getByLabel('审核外勤', { exact: true })
    })
    await officerItem.locator('.ant-form-item-explain-error').waitFor()
    expect(await officerItem.locator('.ant-form-item-explain-error').textContent()).toMatch(
      /请选择审核的外勤民警/
    )
    await pick(hand, '审核外勤', FIELD.displayName)
    await save(hand)
    await expect.poll(() => cellText('刘志强', '状态')).toBe('外勤审核中')
    // 2 calendar days from Thursday is Saturday: rolled to Monday, by the end of office hours.
    expect(await cellText('刘志强', '期限')).toBe('2026-12-14 17:30')
    expect(await cellText('刘志强', '是否按时')).toBe('未到期')
    await row('刘志强').click()
    const detail = page.getByTestId('entry-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toContain('状态：外勤审核中')
    expect(await detail.textContent()).toContain(`审核外勤：${FIELD.displayName}`)
    await app.screenshot('window-02-exit-handed-over')
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })

    // Saturday evening: past the two calendar days, but the deadline rolled to Monday.
    await at('2026-12-12T17:31', CLERK)
    const saturday = await board()
    expect(await saturday.textContent()).not.toContain('刘志强')

    // Monday 17:31: the field step is overdue, in red on the board and in the list.
    await at('2026-12-14T17:31', CLERK)
    const overdue = await board()
    const item = overdue.locator('.ant-list-item', { hasText: '刘志强' })
    await item.waitFor()
    expect(await item.textContent()).toContain('[出入境审核] 刘志强')
    expect(await item.textContent()).toContain('期限 2026-12-14 17:30')
    expect(await item.getByRole('button').getAttribute('class')).toContain('ant-btn-dangerous')
    expect(await colorOf(item.locator('span', { hasText: '期限' }).last())).toBe(RED)
    await app.screenshot('window-03-exit-overdue-board')
    await openBook(title)
    await row('刘志强').waitFor()
    expect(await cellText('刘志强', '是否按时')).toBe('已超期 1 分钟')
    expect(
      await (await cell('刘志强', '是否按时')).locator('.ant-tag').getAttribute('class')
    ).toContain('ant-tag-red')
    expect(await colorOf((await cell('刘志强', '期限')).locator('span'))).toBe(RED)

    // The field officer's opinion comes back: off the overdue list, late by a minute.
    const back = await amend('刘志强', title)
    await back.getByLabel('审核意见').fill('经走访核实，同意出境')
    await back.getByLabel('意见返回时间').fill('2026-12-14T17:31')
    await save(back)
    await expect.poll(() => cellText('刘志强', '状态')).toBe('意见已返回')
    expect(await cellText('刘志强', '是否按时')).toBe('超时 1 分钟')
    const after = await board()
    await page
      .getByTestId('board-awaitingSignOff')
      .getByText(/刘志强/)
      .waitFor()
    expect(await after.textContent()).not.toContain('刘志强')

    // The director approves it (所长审批, password again), then signs the day's version.
    await at('2026-12-14T17:40', DIRECTOR)
    await openBook(title)
    await row('刘志强').click()
    await detail.waitFor()
    expect(await detail.textContent()).toContain('状态：意见已返回')
    const drawer = page.locator('.ant-drawer')
    await drawer.getByLabel('请再次输入密码').fill(DIRECTOR.password)
    await drawer.getByTestId('approve-exit-review').click()
    await detail.waitFor({ state: 'hidden' })
    await expect.poll(() => cellText('刘志强', '状态')).toBe('所长已审批')
    await row('刘志强').click()
    await detail.waitFor()
    expect(await detail.textContent()).toContain(`审批所长：${DIRECTOR.displayName}`)
    await drawer.getByLabel('请再次输入密码').fill(DIRECTOR.password)
    await drawer.getByRole('button', { name: '所长签字' }).click()
    await detail.waitFor({ state: 'hidden' })
    await expect.poll(() => cellText('刘志强', '所长签字')).toBe(DIRECTOR.displayName)
    expect(await cellText('刘志强', '状态')).toBe('所长已审批')
    await app.screenshot('window-04-exit-signed')

    // The clerk corrects the signed opinion: the form says the approval goes, and it does.
    await at('2026-12-14T17:45', CLERK)
    await openBook(title)
    const correct = await amend('刘志强', title)
    expect(await correct.textContent()).toContain('须所长重新审批')
    await correct.getByLabel('审核意见').fill('经走访核实，同意出境，材料齐全')
    await correct.getByLabel('更正理由').fill('意见抄录漏字')
    await save(correct)
    await expect.poll(() => cellText('刘志强', '状态')).toBe('意见已返回')
    expect(await cellText('刘志强', '所长签字')).toBe('未签字')
  })

  it('a call-out 3 minutes late is red and counted per officer; an on-time one makes 50%', async () => {
    await at('2026-12-15T11:00', CLERK)
    await openBook('报警求助')
    const month = page.getByTestId('callout-month')
    await month.waitFor()
    expect(await month.locator('.ant-card-head-title').textContent()).toBe(
      '2026-12 出警按时率（按出警民警）'
    )

    const callOut = async (caller: string, calledAt: string, arrivedAt: string) => {
      await page.getByRole('button', { name: '新登记' }).click()
      const form = entryForm('报警求助')
      await form.waitFor()
      await form.getByLabel('接警时间').fill(calledAt)
      await form.getByLabel('报警人', { exact: true }).fill(caller)
      await form.getByLabel('地点').fill('月坛北街7号楼')
      await form.getByLabel('报警求助事项').fill('家中老人走失，请求帮助寻找')
      await pick(form, '出警民警', FIELD.displayName)
      await form.getByLabel('到达现场时间').fill(arrivedAt)
      await save(form)
      await row(caller).waitFor()
    }
    const officerRow = () =>
      month.locator('.ant-table-row', { hasText: FIELD.displayName }).locator('td')

    // Called 10:00 by day: due 10:05; arrived 10:08.
    await callOut('孙丽', '2026-12-15T10:00', '2026-12-15T10:08')
    await expect.poll(() => cellText('孙丽', '状态')).toBe('已到达现场')
    expect(await cellText('孙丽', '期限')).toBe('2026-12-15 10:05')
    const tag = (await cell('孙丽', '是否按时')).locator('.ant-tag')
    expect(await tag.textContent()).toBe('超时 3 分钟')
    expect(await tag.getAttribute('class')).toContain('ant-tag-red')
    await expect
      .poll(() => officerRow().allTextContents())
      .toEqual([FIELD.displayName, '1', '0', '1', '0', '0%'])
    await app.screenshot('window-05-callout-late')

    // Called 10:30, arrived 10:34: on time.
    await callOut('钱伟', '2026-12-15T10:30', '2026-12-15T10:34')
    expect(await cellText('钱伟', '是否按时')).toBe('按时')
    await expect
      .poll(() => officerRow().allTextContents())
      .toEqual([FIELD.displayName, '2', '1', '1', '0', '50%'])
    expect(await month.locator('.ant-table-row').count()).toBe(1)
    const report = await app.services.logbooks.service.calloutMonth('2026-12')
    expect(report.rows).toMatchObject([
      { officerName: FIELD.displayName, callouts: 2, onTime: 1, late: 1, onTimeRate: 0.5 }
    ])
    await app.screenshot('window-06-callout-month')
  })

  it('a consultation logged with a promised answer date, then answered by it', async () => {
    const title = '来访咨询'
    await at('2026-12-15T11:20', CLERK)
    await openBook(title)
    await page.getByRole('button', { name: '新登记' }).click()
    const form = entryForm(title)
    await form.waitFor()
    await pick(form, '方式', '来访')
    await form.getByLabel('来访/来电人').fill('周敏')
    await form.getByLabel('来访/咨询事项').fill('咨询子女随迁落户需要哪些材料')
    await form.getByLabel('承诺答复时间').fill('2026-12-17T17:00')
    await save(form)
    await row('周敏').waitFor()
    await expect.poll(() => cellText('周敏', '状态')).toBe('待答复')
    expect(await cellText('周敏', '期限')).toBe('2026-12-17 17:00')
    expect(await cellText('周敏', '是否按时')).toBe('未到期')

    // Answered on the promised day, before the promised time.
    await at('2026-12-17T15:00', CLERK)
    await openBook(title)
    const answer = await amend('周敏', title)
    await answer.getByLabel('答复内容').fill('已电话告知所需材料：户口簿、出生证明、父母结婚证')
    await answer.getByLabel('答复时间', { exact: true }).fill('2026-12-17T15:00')
    await pick(answer, '群众是否满意', '满意')
    await save(answer)
    await expect.poll(() => cellText('周敏', '状态')).toBe('已答复')
    const tag = (await cell('周敏', '是否按时')).locator('.ant-tag')
    expect(await tag.textContent()).toBe('按时')
    expect(await tag.getAttribute('class')).toContain('ant-tag-green')
    await app.screenshot('window-07-visit-answered')
  })

  it('a back-office item left open is overdue at 17:31 and leaves the board once cleared', async () => {
    await at('2026-12-18T10:00', CLERK)
    await openBook('先外后内')
    await page.getByRole('button', { name: '新登记' }).click()
    const form = entryForm('先外后内')
    await form.waitFor()
    expect(await form.getByLabel('窗口办结时间').inputValue()).toBe('2026-12-18T10:00')
    await form.getByLabel('群众姓名').fill('吴芳')
    await form.getByLabel('业务', { exact: true }).fill('户口迁入')
    await form.getByLabel('待办内务（如户口底票）').fill('户口底票归档')
    await save(form)
    await expect.poll(() => cellText('吴芳', '状态')).toBe('待处理')
    expect(await cellText('吴芳', '期限')).toBe('2026-12-18 17:30')

    // Due at office close today: on the board's due-today list, not overdue.
    const morning = await board()
    await page.getByTestId('board-dueToday').getByText(/吴芳/).waitFor()
    expect(await morning.textContent()).not.toContain('吴芳')

    await at('2026-12-18T17:31', CLERK)
    const overdue = await board()
    const item = overdue.locator('.ant-list-item', { hasText: '吴芳' })
    await item.waitFor()
    expect(await item.textContent()).toContain('[先外后内] 吴芳')
    expect(await colorOf(item.locator('span', { hasText: '期限' }).last())).toBe(RED)
    await app.screenshot('window-08-backoffice-overdue')

    // Opened from the board, cleared by a correction.
    await item.getByRole('button').click()
    const detail = page.getByTestId('entry-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toContain('状态：待处理')
    await page.locator('.ant-drawer').getByRole('button', { name: '更正' }).click()
    const clear = entryForm('先外后内 · 更正')
    await clear.getByLabel('处理完成时间').fill('2026-12-18T17:31')
    await save(clear)
    await expect.poll(() => cellText('吴芳', '状态')).toBe('已处理')
    const cleared = await board()
    await page.getByTestId('board-awaitingSignOff').getByText(/吴芳/).waitFor()
    expect(await cleared.textContent()).not.toContain('吴芳')
    expect(await cleared.textContent()).toContain('已超期（0）')
  })
})
