import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { formatStationTime } from '../../src/shared/logbooks/time'
import { E2E_ADMIN, launchBrowser, screenshotDir, startApp, type RunningApp } from './harness'

const CLERK = { username: 'li.clerk', displayName: '李娜', password: 'Clerk12345' }
const DIRECTOR = { username: 'zhang.director', displayName: '张所长', password: 'Director123' }

describe('a phone booking from the call to the printed book', () => {
  let browser: Browser
  let app: RunningApp

  const signInAs = async (who: typeof CLERK) => {
    const { page } = app
    if (await page.getByRole('button', { name: '退出登录' }).count()) {
      await page.getByRole('button', { name: '退出登录' }).click()
    }
    await page.getByRole('button', { name: '登录' }).waitFor()
    await page.getByLabel('用户名').fill(who.username)
    await page.getByLabel('密码').fill(who.password)
    await page.getByRole('button', { name: '登录' }).click()
    await page.getByTestId('status-operator').waitFor()
    expect(await page.getByTestId('status-operator').textContent()).toContain(who.displayName)
  }

  const pick = async (label: string, option: string) => {
    const dialog = app.page.getByRole('dialog')
    await dialog.getByLabel(label, { exact: true }).click()
    await app.page.locator(`.ant-select-item-option[title="${option}"]`).click()
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
    await app.page.getByTestId('status-operator').waitFor()
    const adminId = app.services.auth.current()!.operator.id
    for (const [who, role] of [
      [CLERK, 'clerk'],
      [DIRECTOR, 'director']
    ] as const) {
      await app.services.operators.create(
        { ...who, role, passwordHash: await app.services.auth.hashPassword(who.password) },
        adminId
      )
    }
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('the clerk records a phone booking; bad fields are shown at their fields', async () => {
    await signInAs(CLERK)
    const { page } = app
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '电话预约登记簿' }).click()
    await page.getByRole('button', { name: '新登记' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('来电人', { exact: true }).fill('Zhang3')
    await dialog.getByLabel('来电人电话').fill('12345')
    await pick('性别', '女')
    await dialog.getByRole('button', { name: '确定' }).click()
    const errors = dialog.locator('.ant-form-item-explain-error')
    await errors.first().waitFor()
    const shown = (await errors.allTextContents()).join(' ')
    expect(shown).toMatch(/姓名/)
    expect(shown).toMatch(/电话|手机/)
    expect(shown).toContain('此项必填')
    await app.screenshot('logbooks-01-form-errors')
    expect(await app.services.logbooks.repo.list(listPhone())).toMatchObject({ total: 0 })

    await dialog.getByLabel('来电人', { exact: true }).fill('张秀兰')
    await dialog.getByLabel('来电人电话').fill('13801234567')
    await dialog.getByLabel('住址').fill('西城区月坛北街7号楼3门201')
    await dialog.getByLabel('事由').fill('老人行动不便，预约上门办理身份证')
    await pick('承诺规则', '电话预约后上门服务')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('cell', { name: '张秀兰' }).waitFor()
    await app.screenshot('logbooks-02-phone-list')
  })

  it('shows every register’s tab, wrapped rather than behind a menu, also on a narrow screen', async () => {
    const { page } = app
    const size = page.viewportSize()!
    try {
      for (const width of [size.width, 1024]) {
        await page.setViewportSize({ width, height: size.height })
        const strip = page.locator('.wrapping-tabs > .ant-tabs-nav .ant-tabs-nav-wrap').first()
        const area = (await strip.boundingBox())!
        const tabs = page.locator('.wrapping-tabs > .ant-tabs-nav').first().getByRole('tab')
        // 今日 and the twelve registers.
        expect(await tabs.count()).toBe(13)
        for (const tab of await tabs.all()) {
          const name = (await tab.textContent()) ?? ''
          const box = (await tab.boundingBox())!
          expect(box.x + box.width, name).toBeLessThanOrEqual(area.x + area.width)
          expect(box.y + box.height, name).toBeLessThanOrEqual(area.y + area.height)
        }
        // Clicked as a clerk would: the last register opens.
        await tabs.last().click()
        await expect.poll(() => tabs.last().getAttribute('aria-selected')).toBe('true')
      }
      await app.screenshot('logbooks-02-all-tabs-narrow')
    } finally {
      await page.setViewportSize(size)
      await page.getByRole('tab', { name: '电话预约登记簿' }).click()
    }
  })

  it('shows the booking on the today board with its due time', async () => {
    const { page } = app
    const { rows } = await app.services.logbooks.repo.list(listPhone())
    const entry = rows[0]!
    expect(entry.ruleCode).toBe('SLA-HOME-VISIT')
    expect(Date.parse(entry.dueAt!) - Date.parse(entry.occurredAt)).toBe(24 * 3_600_000)
    await page.getByRole('tab', { name: '今日' }).click()
    const soon = page.getByTestId('board-dueSoon')
    await soon.getByText('张秀兰').waitFor()
    expect(await soon.textContent()).toContain(`期限 ${formatStationTime(entry.dueAt!)}`)
    expect(await page.getByTestId('board-awaitingSignOff').textContent()).toContain('张秀兰')
    // The long title wraps inside the card: the due time stays whole within it, on a narrow
    // window too.
    const size = page.viewportSize()!
    try {
      for (const width of [size.width, 1024]) {
        await page.setViewportSize({ width, height: size.height })
        const card = (await soon.boundingBox())!
        const due = (await soon.getByText(`期限 ${formatStationTime(entry.dueAt!)}`).boundingBox())!
        expect(due.x + due.width, `${width} px`).toBeLessThanOrEqual(card.x + card.width)
      }
    } finally {
      await page.setViewportSize(size)
    }
    await app.screenshot('logbooks-03-today-board')
  })

  it('the director signs it from the sign-off list after re-entering the password', async () => {
    await signInAs(DIRECTOR)
    const { page } = app
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '待签字' }).click()
    const list = page.getByTestId('signoff-list')
    const row = list.getByRole('row', { name: /张秀兰/ })
    await row.waitFor()
    await list.getByLabel('请再次输入密码').fill('wrong-password1')
    await row.getByRole('button', { name: '所长签字' }).click()
    await page.getByText('密码错误').waitFor()
    const [unsigned] = (await app.services.logbooks.repo.list(listPhone())).rows
    expect(unsigned!.signedAt).toBeNull()
    await app.screenshot('logbooks-04-signoff-list')
    await list.getByLabel('请再次输入密码').fill(DIRECTOR.password)
    await row.getByRole('button', { name: '所长签字' }).click()
    await row.waitFor({ state: 'detached' })
    const [signed] = (await app.services.logbooks.repo.list(listPhone())).rows
    expect(signed!.signedByName).toBe(DIRECTOR.displayName)
  })

  it('the clerk prints the month in the paper book layout', async () => {
    await signInAs(CLERK)
    const { page } = app
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '电话预约登记簿' }).click()
    await page.getByRole('cell', { name: '张秀兰' }).waitFor()
    await page.getByRole('button', { name: '打印 PDF' }).click()
    await page.getByText('已生成：').waitFor()
    const audit = await app.services.audit.list({
      page: 1,
      pageSize: 1,
      action: 'logbook.print'
    })
    const detail = JSON.parse(audit.rows[0]!.detail!) as { file: string; rows: number }
    expect(detail.rows).toBe(1)
    expect(audit.rows[0]!.operatorName).toBe(CLERK.displayName)
    expect(existsSync(detail.file)).toBe(true)

    const info = execFileSync('pdfinfo', [detail.file], { encoding: 'utf8' })
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!
    // A4 landscape: 841.89 × 595.28 pt.
    expect(Math.round(Number(width))).toBe(842)
    expect(Math.round(Number(height))).toBe(595)
    const text = execFileSync('pdftotext', ['-layout', detail.file, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, '')
    const station = (await app.services.settings.get()).stationName
    for (const expected of [
      station,
      '便民服务电话预约登记簿',
      '第1页',
      '来电人',
      '事由',
      '所长签字',
      '张*兰',
      '138****4567',
      '老人行动不便',
      DIRECTOR.displayName
    ]) {
      expect(flat).toContain(expected.replace(/\s+/g, ''))
    }
    expect(flat).not.toContain('13801234567')

    const prefix = join(screenshotDir, 'logbooks-05-printed-page')
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', detail.file, prefix])
    const rendered = ['-1.png', '-01.png'].map((s) => prefix + s).find((f) => existsSync(f))
    expect(rendered && statSync(rendered).size).toBeGreaterThan(10_000)
  })

  it('the clerk sees the phone masked and 查看完整信息 with a reason shows it, audited', async () => {
    const { page } = app
    await page.getByRole('cell', { name: '张秀兰' }).click()
    const detail = page.getByTestId('entry-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toContain('来电人电话：138****4567')
    expect(await detail.textContent()).not.toContain('13801234567')
    await page.getByTestId('reveal').click()
    const reason = page.getByTestId('reveal-reason')
    await reason.waitFor()
    // No reason: refused at the field, nothing shown, nothing audited.
    await reason.press('Enter')
    await page.getByText('请填写查看事由').waitFor()
    const audited = () =>
      app.services.audit.list({ page: 1, pageSize: 5, action: 'logbook.reveal' })
    expect((await audited()).total).toBe(0)
    await reason.fill('回电告知上门时间')
    await app.screenshot('logbooks-06-reveal-reason')
    await reason.press('Enter')
    await expect.poll(() => detail.textContent()).toContain('来电人电话：13801234567')
    await page.getByText('本次查看已记入审计日志').waitFor()
    await app.screenshot('logbooks-07-revealed')
    const { rows } = await audited()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.operatorName).toBe(CLERK.displayName)
    expect(JSON.parse(rows[0]!.detail!)).toEqual({
      reason: '回电告知上门时间',
      identifiers: ['callerPhone']
    })
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })
  })

  it('the director approves a case’s extension; its reason then stays as approved', async () => {
    const clerk = (await app.services.operators.findByUsername(CLERK.username))!
    // Yesterday: inside the list's default range.
    const occurredAt = new Date(Date.now() - 86_400_000).toISOString()
    const caseFields = {
      kind: 'security',
      parties: [{ name: '钱进' }],
      summary: '盗窃自行车',
      officerId: clerk.id
    }
    const { entry } = await app.services.logbooks.service.create(
      {
        book: 'case',
        occurredAt,
        status: 'accepted',
        fields: caseFields
      },
      clerk.id
    )
    await app.services.logbooks.service.amend(
      {
        id: entry.id,
        book: 'case',
        occurredAt,
        status: 'investigating',
        fields: { ...caseFields, extensionReason: '需调取监控' }
      },
      clerk.id
    )
    await signInAs(DIRECTOR)
    const { page } = app
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '案件纠纷受理' }).click()
    const row = page.locator('.ant-table-row', { hasText: '盗窃自行车' })
    await row.click()
    const detail = page.getByTestId('entry-detail')
    await detail.waitFor()
    const drawer = page.locator('.ant-drawer')
    await drawer.getByLabel('请再次输入密码').fill(DIRECTOR.password)
    await drawer.getByTestId('approve-extension').click()
    await detail.waitFor({ state: 'hidden' })
    await row.click()
    await detail.waitFor()
    expect(await page.getByTestId('extension-approved').textContent()).toMatch(
      new RegExp(`^延期已批准：${DIRECTOR.displayName} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`)
    )
    expect(await drawer.getByTestId('approve-extension').count()).toBe(0)
    await app.screenshot('logbooks-06-extension-approved')
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })

    // The clerk's correction form shows the approved reason fixed, and says why.
    await signInAs(CLERK)
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '案件纠纷受理' }).click()
    await row.click()
    await detail.waitFor()
    await drawer.getByRole('button', { name: '更正' }).click()
    const dialog = page.getByRole('dialog')
    const reason = dialog.getByLabel('延期理由')
    await reason.waitFor()
    expect(await reason.isDisabled()).toBe(true)
    expect(await reason.inputValue()).toBe('需调取监控')
    await dialog.getByText('所长已批准，不能更改').waitFor()
    await dialog.getByLabel('案情摘要').fill('盗窃电动自行车')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const current = await app.services.logbooks.repo.list({
      book: 'case',
      sort: 'occurredAt',
      order: 'desc',
      page: 1,
      pageSize: 10
    })
    expect(current.rows[0]!.fields).toMatchObject({
      summary: '盗窃电动自行车',
      extensionReason: '需调取监控',
      extensionApprovedBy: expect.any(String),
      // 承办民警 came into the form from the entry: the clerk did not pick it again.
      officerId: clerk.id
    })
  })

  it('a correction’s draft survives a quick close, Esc on the offer and a newer version', async () => {
    const { page } = app
    const clerk = (await app.services.operators.findByUsername(CLERK.username))!
    const row = page.locator('.ant-table-row', { hasText: '盗窃电动自行车' })
    const detail = page.getByTestId('entry-detail')
    const drawer = page.locator('.ant-drawer')
    await row.click()
    await detail.waitFor()
    await drawer.getByRole('button', { name: '更正' }).click()
    const dialog = page.getByRole('dialog', { name: '案件纠纷受理 · 更正' })
    await dialog.getByLabel('案情摘要').fill('盗窃电动自行车两辆')
    // Closed at once, before the draft timer: what was typed is kept all the same.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    const current = (
      await app.services.logbooks.repo.list({
        book: 'case',
        sort: 'occurredAt',
        order: 'desc',
        page: 1,
        pageSize: 10
      })
    ).rows[0]!
    await expect
      .poll(
        async () =>
          (await app.services.logbooks.repo.loadDraft(clerk.id, 'case', current.rootId))?.data
      )
      .toContain('盗窃电动自行车两辆')

    // A newer version arrives meanwhile (another window's correction).
    const { status, occurredAt, fields } = current
    await app.services.logbooks.service.amend(
      {
        id: current.id,
        book: 'case',
        occurredAt,
        status,
        fields: { ...fields, summary: '盗窃电动自行车（已立案）' }
      } as never,
      clerk.id
    )
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })
    // The list reads again when its tab is opened again.
    await page.getByRole('tab', { name: '电话预约登记簿' }).click()
    await page.getByRole('tab', { name: '案件纠纷受理' }).click()
    const newer = page.locator('.ant-table-row', { hasText: '盗窃电动自行车（已立案）' })
    await newer.click()
    await detail.waitFor()
    await drawer.getByRole('button', { name: '更正' }).click()
    // The draft is offered on the newer version; Esc does not throw it away.
    const offer = page.locator('.ant-modal-confirm-title', { hasText: '发现未保存的草稿' })
    await offer.waitFor()
    await page.keyboard.press('Escape')
    await page.waitForTimeout(400)
    expect(await offer.isVisible()).toBe(true)
    await page.getByRole('button', { name: '恢复' }).click()
    await offer.waitFor({ state: 'hidden' })
    expect(await dialog.getByLabel('案情摘要').inputValue()).toBe('盗窃电动自行车两辆')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })
  })

  it("the administrator edits a promise rule and adds a residents' committee", async () => {
    await signInAs(E2E_ADMIN)
    const { page } = app
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '规则与居委会' }).click()
    const amount = page.getByLabel('SLA-DOOR 期限')
    await amount.fill('6')
    await amount.press('Tab')
    await page.getByText('已保存').first().waitFor()
    await expect
      .poll(async () => (await app.services.logbooks.repo.ruleByCode('SLA-DOOR'))?.amount)
      .toBe(6)
    // An emptied box changes nothing (it saved 0, a deadline of no days) and shows the rule again.
    await amount.fill('')
    await amount.press('Tab')
    await page.getByText('期限不能为空，未更改').waitFor()
    await expect.poll(() => amount.inputValue()).toBe('6')
    expect((await app.services.logbooks.repo.ruleByCode('SLA-DOOR'))?.amount).toBe(6)
    await page.getByLabel('居委会名称').fill('测试社区居委会')
    await page.getByRole('button', { name: '添加居委会' }).click()
    await page.getByRole('cell', { name: '测试社区居委会', exact: true }).waitFor()
    await app.screenshot('logbooks-06-rules-and-committees')
    const active = async () =>
      (await app.services.logbooks.repo.committees()).find((c) => c.name === '测试社区居委会')
        ?.active
    expect(await active()).toBe(true)
    await page.getByLabel('测试社区居委会 启用').click()
    await expect.poll(active).toBe(false)
  })
})

function listPhone() {
  return {
    book: 'phone' as const,
    sort: 'occurredAt' as const,
    order: 'desc' as const,
    page: 1,
    pageSize: 10
  }
}
