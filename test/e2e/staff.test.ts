import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { stationDate } from '../../src/shared/dates'
import { quarterOf } from '../../src/shared/staff/sampler'
import { launchBrowser, screenshotDir, startApp, type RunningApp } from './harness'
import { addOfficers, CLERK, DIRECTOR } from './staff-setup'

describe('考核: swipe, follow-up, awards, report', () => {
  let browser: Browser
  let app: RunningApp

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
    const { services } = app
    await addOfficers(services, { [CLERK.username]: '0012345678' })
    await services.auth.signIn(CLERK)
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('takes a card burst as a swipe and refuses digits typed by hand', async () => {
    const { page } = app
    await page.getByTestId('status-operator').getByText('李娜').waitFor()
    await page.keyboard.press('F7')
    const box = page.getByTestId('swipe-box')
    await box.click()
    await page.keyboard.type('0012345678', { delay: 300 })
    await page.keyboard.press('Enter')
    await page.getByText('这是手动输入，不是刷卡，未记录').waitFor()
    await page.keyboard.type('0012345678', { delay: 5 })
    await page.keyboard.press('Enter')
    await page
      .getByTestId('swipe-result')
      .getByText(/李娜 签到/)
      .waitFor()
    await app.screenshot('staff-01-swipe')
    const rows = app.services.sqlite
      .prepare('SELECT count(*) AS n FROM staff_attendance')
      .get() as {
      n: number
    }
    expect(rows.n).toBe(1)
  })

  it('records a follow-up and the quota progress moves', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '追访' }).click()
    const quota = page.getByTestId('my-quota')
    await quota.getByText('李娜: 0/3 · 0/3').waitFor()
    await page.getByTestId('followup-date').click()
    await page.keyboard.type(stationDate(new Date()))
    await page.keyboard.press('Enter')
    await page.getByTestId('followup-name').fill('月坛北街居委会')
    await page.getByTestId('followup-outcome').fill('居住证已办好，群众满意')
    await page.getByTestId('followup-households').fill('3')
    await page.getByTestId('followup-persons').fill('4')
    await page.getByTestId('followup-save').click()
    await quota.getByText('李娜: 3/3 · 4/3').waitFor()
    expect(await page.getByTestId('chart-progress').textContent()).toContain('100%')
    await app.screenshot('staff-02-followup')
  })

  it('opens the award table, confirms it as director and prints the report', async () => {
    const { page, services } = app
    await services.auth.signIn(DIRECTOR)
    await page.getByTestId('status-operator').getByText('张所长').waitFor()
    await page.keyboard.press('F7')
    await page.getByRole('tab', { name: '月度评比' }).click()
    const table = page.getByTestId('award-table')
    await table.getByText('李娜').waitFor()
    await page.getByText(/^系统建议：最佳 李娜；优质 /).waitFor()
    // The quota column says what the printed report says.
    expect(await table.locator('tbody').innerText()).toMatch(/已完成[\s\S]*未完成/)
    // A reason naming a resident's ID number shows masked, as on the printed report.
    await page.getByPlaceholder('理由（与建议不同时必填）').fill('另见 11010519491231002X 的来信')
    await page.getByTestId('award-confirm').click()
    const reason = page.getByTestId('award-confirmed').getByText(/^理由：/)
    expect(await reason.textContent()).toBe('理由：另见 110105********002X 的来信')
    // The same words as the printed report's, with the day of the confirmation.
    await page
      .getByTestId('award-confirmed')
      .getByText(
        new RegExp(
          `^所长确认：最佳服务标兵 李娜；优质服务标兵 .+（张所长，${stationDate(services.now())}）$`
        )
      )
      .waitFor()
    await app.screenshot('staff-03-awards')
    await page.getByTestId('staff-print').click()
    await page.getByTestId('staff-printed').waitFor()
    const pdf = readdirSync(services.paths.exportDir).find((f) => f.startsWith('月度考核报告'))!
    const file = join(services.paths.exportDir, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('月度考核报告')
    expect(text).toMatch(/所长确认：最佳服务标兵 李娜/)
    expect(text).toContain('按时办结率')
    // Attendance summary: 1 day present, follow-ups 3 households and 4 persons.
    expect(text).toMatch(/李娜\s+1\s+\d\s+\d\s+3\s+4/)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(screenshotDir, 'staff-04-report')
    ])
  })

  it('lets the director tick a daily check with a note, and refuses a spot check of an empty quarter', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '所长督察' }).click()
    const unsigned = page.getByTestId('check-unsigned')
    await unsigned.getByPlaceholder('督察意见').fill('已督促补签')
    await unsigned.getByRole('button', { name: '已查' }).click()
    await unsigned.getByText('已查（张所长）').waitFor()
    await unsigned.getByText('已督促补签').waitFor()
    // No logbook entries this quarter: the draw is refused and nothing is recorded.
    await page.getByRole('button', { name: '抽取' }).click()
    await page.getByText(/季度没有任何登记，无从抽查；本次未抽取/).waitFor()
    expect(
      await app.services.staff.spotCheck(quarterOf(stationDate(new Date())).quarter)
    ).toBeNull()
    await app.screenshot('staff-05-supervision')
  })
})
