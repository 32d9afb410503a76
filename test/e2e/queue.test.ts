import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { formatStationTime } from '../../src/shared/logbooks/time'
import { launchBrowser, startApp, type RunningApp } from './harness'

/** The page's speechSynthesis, typed here since the e2e tests compile without the DOM library. */
interface SpeechLike {
  getVoices(): { lang: string }[]
}

describe('取号叫号: kiosk, window bar in another module, hall display, rating, statistics', () => {
  let browser: Browser
  let app: RunningApp
  let display: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
    const { queue, auth } = app.services
    const adminId = auth.current()!.operator.id
    const hukou = queue.saveService({ prefix: 'A', name: '户籍业务' }, adminId)
    const id = queue.saveService({ prefix: 'B', name: '身份证' }, adminId)
    queue.saveWindow({ number: 1, serviceIds: [hukou.id, id.id], priority: false }, adminId)
    queue.saveWindow({ number: 9, serviceIds: [hukou.id, id.id], priority: true }, adminId)
    // No waiting between recalls in the test (the rule itself is unit-tested).
    queue.updateConfig({ ...queue.config(), recallGapSeconds: 0 }, adminId)
  })
  afterAll(async () => {
    await display?.close()
    await app?.close()
    await browser?.close()
  })

  it('takes a priority and two normal tickets at the kiosk', async () => {
    const { page } = app
    await page.goto(`${app.origin}/index.html#/kiosk`)
    await page.getByTestId('kiosk-priority').click()
    await page.getByTestId('kiosk-A').click()
    const slip = page.getByTestId('queue-slip')
    await slip.getByText('A001').waitFor()
    expect(await slip.textContent()).toContain('户籍业务（优先）')
    expect(await slip.textContent()).toContain('您前面还有 0 人，请在休息区等候，过号请重新取号')
    await app.screenshot('queue-01-kiosk-ticket')
    await page.getByRole('button', { name: '返回' }).click()
    await page.getByTestId('kiosk-A').click()
    await slip.getByText('A002').waitFor()
    await page.getByRole('button', { name: '返回' }).click()
    await page.getByTestId('kiosk-B').click()
    await slip.getByText('B001').waitFor()
    const tickets = app.services.queue.tickets()
    expect(tickets.map((t) => [t.number, t.lane])).toEqual([
      ['A001', 'priority'],
      ['A002', 'normal'],
      ['B001', 'normal']
    ])
  })

  it('calls from the window bar while in 照相, and the hall display shows the call', async () => {
    display = await app.page.context().newPage()
    await display.goto(`${app.origin}/index.html#/display`)
    await display.getByTestId('hall-display').waitFor()
    await display.getByTestId('hall-waiting').getByText('2').waitFor()
    // Without a Chinese system voice the hall speaks from the built-in clips (all fetched and
    // decoded by Chromium); only with neither would it fall back to the chime alone.
    const zhVoices = await display.evaluate(() => {
      const speech = (globalThis as unknown as { speechSynthesis: SpeechLike }).speechSynthesis
      return speech.getVoices().filter((v) => /^(zh|cmn)/i.test(v.lang)).length
    })
    expect(await display.getByTestId('hall-voice').getAttribute('data-source')).toBe(
      zhVoices ? 'voice' : 'clips'
    )

    const { page } = app
    await page.goto(`${app.origin}/index.html#/`)
    await page.getByTestId('queue-bar').waitFor()
    await page.keyboard.press('F2')
    await page.getByRole('heading', { name: '照相' }).waitFor()
    await page.getByTestId('queue-pick-window').click()
    await page.locator('.ant-select-item-option', { hasText: '9 号窗口' }).click()
    await page.getByRole('button', { name: '上岗' }).click()
    await page.getByTestId('queue-waiting').getByText('等候 3 人').waitFor()

    await page.keyboard.press('Shift+F1')
    // The priority window calls the priority lane first.
    await page.getByTestId('queue-current').getByText('A001').waitFor()
    await page.getByRole('heading', { name: '照相' }).waitFor()
    await display.getByTestId('hall-current').getByText('请A001号到9号窗口办理').waitFor()
    await display.getByTestId('hall-windows').getByText('A001').waitFor()
    expect(await display.getByTestId('hall-date').textContent()).toMatch(
      /\d{4}-\d{2}-\d{2} 星期. · 农历/
    )
    await display.screenshot({
      path: `${process.cwd()}/test/e2e/__screenshots__/queue-02-display.png`
    })

    // One ticket at a time: 叫号 waits until this one is finished, missed or transferred.
    expect(await page.getByTestId('queue-callNext').isDisabled()).toBe(true)
    expect(await page.getByTestId('queue-finish').isEnabled()).toBe(true)
    await page.keyboard.press('Shift+F2')
    await page.getByText('已呼叫 2 次').waitFor()
    // Called twice: 过号 is now allowed.
    await page.getByTestId('queue-miss').and(page.locator(':enabled')).waitFor()
    const board = app.services.queue.board()
    expect(board.calls.map((c) => c.kind)).toEqual(['recall', 'call'])
    await app.screenshot('queue-03-bar-in-photo')
  })

  it('finishes, is rated 不满意 with a reason, and the follow-up has its deadline', async () => {
    const { page } = app
    await page.getByTestId('queue-start').click()
    await page.getByText('办理中').waitFor()
    await page.keyboard.press('Shift+F7')
    const dialog = page.getByRole('dialog')
    expect(await page.getByTestId('queue-miss').isDisabled()).toBe(true)
    await dialog.getByText('请对本次服务作出评价（A001 号）').waitFor()
    await dialog.getByRole('button', { name: '不满意', exact: true }).click()
    await dialog.getByText('等候时间长').click()
    await dialog.getByLabel('联系电话（可不填，便于回访）').fill('13812345678')
    await app.screenshot('queue-04-rating')
    await dialog.getByRole('button', { name: '提交评价' }).click()
    await page.getByText(/感谢您的评价；已登记回访，期限 \d{4}-\d{2}-\d{2} 17:30/).waitFor()

    const [rating] = app.services.sqlite
      .prepare('SELECT level, reasons, followup_id AS followupId FROM queue_ratings')
      .all() as { level: number; reasons: string; followupId: string }[]
    expect(rating).toMatchObject({ level: 2, reasons: '["等候时间长"]' })
    const { entry } = await app.services.logbooks.service.get('complaint', rating!.followupId)
    expect(entry).toMatchObject({ ruleCode: 'QUEUE-RATING', status: 'open' })
    expect(entry.dueAt).not.toBeNull()
    expect(String(entry.fields.subject)).toContain('A001 号，9 号窗口')

    // The clerk finds it in 登记簿 → 监督投诉 with its deadline.
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '监督投诉' }).click()
    const row = page.locator('.ant-table-row', { hasText: '评价群众' })
    await row.waitFor()
    expect(await row.textContent()).toContain(formatStationTime(entry.dueAt!))
    await app.screenshot('queue-05-followup-in-logbook')
  })

  it("opens today's statistics", async () => {
    const { page } = app
    await page.keyboard.press('F8')
    await page.getByRole('tab', { name: '统计' }).click()
    const stats = page.getByTestId('queue-stats')
    await stats.waitFor()
    const total = stats.locator('tbody tr').first()
    await total.getByText('合计').waitFor()
    // Issued 3, served 1, missed 0; 0 未评价; satisfaction 0% (one rating, 不满意).
    expect(await total.locator('td').allTextContents()).toEqual([
      '合计',
      '3',
      '1',
      '0',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      '0',
      '0%'
    ])
    expect(await stats.getByTestId('queue-stats-span').textContent()).toBe(
      app.services.queue.today()
    )
    // The arrivals chart has this hour's bar with the three tickets.
    const hour = (new Date().getUTCHours() + 8) % 24
    expect(
      await page
        .getByTestId('queue-arrivals')
        .locator(`g[data-hour="${hour}"] text`)
        .first()
        .textContent()
    ).toBe('3')
    await app.screenshot('queue-06-stats')

    await stats.getByTestId('queue-stats-export').click()
    const written = stats.getByTestId('queue-stats-written')
    await written.waitFor()
    const path = /已写出：(.+\.xlsx)/.exec((await written.textContent()) ?? '')?.[1]
    expect(path).toBeDefined()
    expect(existsSync(path!)).toBe(true)
    const [audit] = app.services.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'queue.stats.export'")
      .all() as { detail: string }[]
    expect(JSON.parse(audit!.detail)).toMatchObject({ path, rows: expect.any(Number) })
  })

  it('the clerk issues an appointment ticket in F8; the queue shows its source', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '取号', exact: true }).click()
    await page.getByTestId('queue-issue-source').click()
    await page.locator('.ant-select-item-option', { hasText: '预约' }).click()
    await page.getByTestId('issue-B').click()
    await page.getByTestId('queue-slip').getByText('B002').waitFor()
    const ticket = app.services.queue.tickets().find((t) => t.number === 'B002')
    expect(ticket).toMatchObject({ source: 'appointment', lane: 'normal' })
    await page.getByRole('tab', { name: '今日队列' }).click()
    const row = page.getByTestId('queue-tickets').locator('.ant-table-row', { hasText: 'B002' })
    expect(await row.textContent()).toContain('预约')
  })

  it('switches off this PC’s hall display in the settings (its second monitor is for other work)', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '设置', exact: true }).click()
    const hall = page.getByTestId('queue-hall-display')
    const auto = hall.getByRole('radio', { name: '接上第二块屏幕时在上面全屏显示叫号' })
    const off = hall.getByRole('radio', { name: '不显示（第二块屏幕另作他用）' })
    await expect.poll(() => auto.isChecked()).toBe(true)
    await hall.getByText('不显示（第二块屏幕另作他用）').click()
    await expect.poll(() => app.services.queue.hallDisplay()).toBe('off')
    await expect.poll(() => off.isChecked()).toBe(true)
    expect(await auto.isChecked()).toBe(false)
  })

  it('the hall display never shows the sign-in form on the public monitor', async () => {
    await app.services.auth.signOut()
    const hall = await app.page.context().newPage()
    try {
      await hall.goto(`${app.origin}/index.html#/display`)
      await hall.getByTestId('hall-idle').getByText('叫号显示屏将在工作站登录后显示').waitFor()
      expect(await hall.locator('input').count()).toBe(0)
    } finally {
      await hall.close()
    }
  })
})
