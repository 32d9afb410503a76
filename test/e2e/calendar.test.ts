import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { formatLunarDate, lunarBirthdaysInYear } from '../../src/shared/calendar'
import { launchBrowser, screenshotDir, startApp, type RunningApp } from './harness'

describe('农历公历, as a clerk uses it', () => {
  let browser: Browser
  let app: RunningApp

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('converts a typed leap-month birthday to the Gregorian date', async () => {
    const { page } = app
    await page.getByTestId('status-operator').waitFor()
    await page.keyboard.press('F4')
    await page.getByRole('tab', { name: '公历农历转换' }).waitFor()
    expect(await page.getByTestId('status-today').textContent()).toMatch(/农历\S+月\S+/)
    const typed = page.getByLabel('输入农历，如 1987年闰六月初三，回车转换')
    await typed.fill('1987年闰六月初三')
    await typed.press('Enter')
    const result = page.getByTestId('conversion-result')
    await result.getByText('1987-07-28 星期二').waitFor()
    expect(await result.textContent()).toContain('丁卯年 丁未月 戊寅日')
    // The birthday this year follows the documented rule (unit-tested in test/unit/calendar).
    const [birthday] = lunarBirthdaysInYear(
      { year: 1987, month: 6, day: 3, leap: true },
      new Date().getFullYear()
    )
    expect(await page.getByTestId('birthday-this-year').textContent()).toContain(
      `${birthday!.date}（${formatLunarDate(birthday!.lunar)}`
    )
    await app.screenshot('calendar-01-converter')

    await typed.fill('1987年闰五月初三')
    await typed.press('Enter')
    await page.getByText('农历1987年没有闰五月（该年只有闰六月').waitFor()
  })

  it('offers only the months a lunar year has, leap month included', async () => {
    const { page } = app
    await page.getByRole('combobox', { name: '农历年' }).click()
    await page.keyboard.type('2025')
    await page.keyboard.press('Enter')
    // Read the month select's own dropdown (the year's may still be closing beside it).
    const monthSelect = page.getByRole('combobox', { name: '农历月' })
    await monthSelect.click()
    const listId = await monthSelect.getAttribute('aria-controls')
    expect(listId).toBeTruthy()
    const monthOptions = page
      .locator('.ant-select-dropdown')
      .filter({ has: page.locator(`[id="${listId}"]`) })
      .locator('.ant-select-item-option')
    await monthOptions.filter({ hasText: '闰六月' }).waitFor()
    const options = await monthOptions.allTextContents()
    expect(options).toContain('正月')
    expect(options.filter((o) => o.startsWith('闰'))).toEqual(['闰六月'])
    await monthOptions.filter({ hasText: '闰六月' }).click()
    await page.getByTestId('conversion-result').getByText('2025年闰六月').waitFor()
  })

  it('keeps only the start of a huge paste in a select’s search box, and still finds', async () => {
    const { page } = app
    const year = page.getByRole('combobox', { name: '农历年' })
    await year.click()
    await year.fill('1'.repeat(200_000))
    expect(await year.inputValue()).toBe('1'.repeat(50))
    await year.fill('1999')
    expect(await year.inputValue()).toBe('1999')
    await page.keyboard.press('Enter')
    await page
      .getByTestId('conversion-result')
      .getByText(/1999年\S*月/)
      .first()
      .waitFor()
    // A choice clears the search, as antd's own Select does.
    expect(await year.inputValue()).toBe('')
    expect(app.errors).toEqual([])
  })

  it('shows the month view with holidays and swapped working days', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '月历' }).click()
    await page.getByRole('heading', { name: /^\d{4}年\d{1,2}月$/ }).waitFor()
    // Walk to October 2026 from whatever month it is.
    for (let i = 0; i < 400; i++) {
      const heading = await page.getByRole('heading', { name: /^\d{4}年\d{1,2}月$/ }).textContent()
      if (heading === '2026年10月') break
      const [y, m] = heading!.match(/\d+/g)!.map(Number) as [number, number]
      await page.keyboard.press(y * 12 + m > 2026 * 12 + 10 ? 'PageUp' : 'PageDown')
    }
    const national = page.locator('[data-date="2026-10-01"]')
    expect(await national.textContent()).toContain('休')
    expect(await national.textContent()).toContain('国庆节')
    expect(await page.locator('[data-date="2026-10-10"]').textContent()).toContain('班')
    await app.screenshot('calendar-02-month')
  })

  it('shows the year view, every festival name on one line, also on a narrow screen', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '年历' }).click()
    await page.getByRole('grid', { name: '2026年12月' }).waitFor()
    const size = page.viewportSize()!
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: size.height })
      // 劳动节, 妇女节, 建军节…: a label inside its cell, one line high.
      const labels = await page.locator('.month-grid.compact .month-cell').evaluateAll((cells) =>
        cells.flatMap((cell) => {
          const label = cell.querySelector('.lunar-day')
          if (!label) return []
          const box = label.getBoundingClientRect()
          const room = cell.getBoundingClientRect()
          const lineHeight =
            parseFloat(
              (
                globalThis as unknown as {
                  getComputedStyle(e: typeof label): { lineHeight: string }
                }
              ).getComputedStyle(label).lineHeight
            ) || 14
          const fits =
            box.height <= lineHeight + 1 && box.left >= room.left && box.right <= room.right
          return fits ? [] : [label.textContent ?? '']
        })
      )
      expect({ width, labels }).toEqual({ width, labels: [] })
    }
    await page.setViewportSize(size)
    await app.screenshot('calendar-03-year')
  })

  it('prints the 阴阳历对照表 to a PDF', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '对照表打印' }).click()
    await page.getByRole('button', { name: '生成对照表 PDF' }).click()
    const printed = page.getByTestId('printed-document')
    await printed.waitFor()
    expect(await printed.textContent()).toMatch(/公历农历对照表-\d{4}-\d{4}-.*\.pdf（1 页）/)
    const [file] = execFileSync('ls', [app.services.paths.exportDir], { encoding: 'utf8' })
      .trim()
      .split('\n')
    const pdf = join(app.services.paths.exportDir, file!)
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('公历农历对照表')
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      pdf,
      join(screenshotDir, 'calendar-04-table-pdf')
    ])
    await app.screenshot('calendar-04-print')
  })

  it('shows a refused holiday schedule at its fields, not in a message naming the field', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '节假日安排' }).click()
    await page.getByRole('button', { name: '录入年度安排' }).click()
    const dialog = page.getByRole('dialog', { name: '录入年度安排' })
    await dialog.getByLabel('依据文件').fill('国办发明电〔2027〕1号')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    // Main refuses a schedule without holidays: said under the list.
    await dialog.getByText('至少一个假日').waitFor()
    // A holiday named by spaces only: said under that holiday's name.
    await dialog.getByRole('button', { name: '添加' }).first().click()
    const date = dialog.locator('.ant-picker input').first()
    await date.click()
    await date.fill('2027-01-01')
    await date.press('Enter')
    await dialog.getByPlaceholder('名称').first().fill('   ')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await dialog.getByText('不能为空').waitFor()
    await expect.poll(() => dialog.getByText('至少一个假日').count()).toBe(0)
    expect((await page.locator('.ant-message-notice').allInnerTexts()).join('\n')).not.toMatch(
      /holidays|输入有误/
    )
    expect((await app.services.calendar.list()).map((s) => s.year)).not.toContain(2027)
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    expect(app.errors).toEqual([])
  })
})
