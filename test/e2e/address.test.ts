import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, startApp, type RunningApp } from './harness'

const CSV = [
  '旧地址,新地址,生效日期,依据,备注',
  '西城区月坛街道南礼士路头条3号,西城区月坛街道南礼士路头条甲3号,2019-05-01,西城门牌〔2019〕7号,',
  '西城区月坛街道铁道部大院2号,,2019-05-01,西城门牌〔2019〕7号,新地址缺失',
  '西城区月坛街道三里河一区5号,西城区月坛街道三里河一区15号,2019-05-01,西城门牌〔2019〕7号,',
  '西城区月坛街道复兴门外大街9号,西城区月坛街道复兴门外大街19号,2019-13-45,西城门牌〔2019〕7号,日期写错',
  '西城区月坛街道阜外西口6号,西城区月坛街道阜外西口16号,2020,西城门牌〔2020〕2号,'
].join('\n')

/** The page's navigator, typed here since the e2e tests compile without the DOM library. */
interface Clipboarded {
  navigator: { clipboard: { readText(): Promise<string> } }
}

describe('the old/new address lookup at the window', () => {
  let browser: Browser
  let app: RunningApp

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.origin
    })
    await app.page.getByTestId('status-operator').waitFor()
    await app.page.keyboard.press('F3')
    await app.page.getByTestId('address-search').waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('marks the sample rows as 示例数据', async () => {
    const { page } = app
    expect(await page.getByTestId('address-sample-notice').textContent()).toContain('示例数据')
  })

  it('imports a small CSV and shows its two bad rows with their line numbers', async () => {
    const { page } = app
    const file = join(app.dataDir, '门牌变更.csv')
    writeFileSync(file, CSV)
    await page.getByTestId('address-import').click()
    await page.getByTestId('address-import-file').setInputFiles(file)
    const preview = page.getByTestId('address-import-preview')
    await preview.waitFor()
    expect(await preview.textContent()).toContain('南礼士路头条3号')
    await app.screenshot('address-01-import-preview')
    await page.getByTestId('address-import-start').click()
    const result = page.getByTestId('address-import-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('新增 3 条')
    const errors = page.getByTestId('address-import-errors')
    const rows = errors.locator('tbody tr')
    expect(await rows.count()).toBe(2)
    expect(await rows.nth(0).textContent()).toBe('3新地址为空')
    expect(await rows.nth(1).textContent()).toBe('5日期无效：2019-13-45')
    await app.screenshot('address-02-import-errors')
    await page.keyboard.press('Escape')
    await page.getByTestId('address-import-job').waitFor({ state: 'hidden' })
    expect(await app.services.address.stats()).toMatchObject({ station: 3 })
  })

  it('types xwq and sees 宣武区 → 西城区 with its year and document', async () => {
    const { page } = app
    await page.getByTestId('address-search').fill('xwq')
    const first = page.getByTestId('address-hit-0')
    await first.getByText('宣武区').first().waitFor()
    const text = await first.textContent()
    expect(text).toContain('西城区')
    expect(text).toContain('2010')
    expect(text).toContain('国函〔2010〕55号')
    await app.screenshot('address-03-xwq')
    await page.keyboard.press('Enter')
    const detail = page.getByTestId('address-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toContain('区县')
    await app.screenshot('address-04-detail')
    await page.keyboard.press('Escape')
    await detail.waitFor({ state: 'hidden' })
  })

  it('finds the street from a typo and copies the new address with Ctrl+C', async () => {
    const { page } = app
    const search = page.getByTestId('address-search')
    await search.fill('月谭北街')
    const results = page.getByTestId('address-results')
    await results.getByText('月坛北街').first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    const first = page.getByTestId('address-hit-0')
    expect(await first.getAttribute('aria-selected')).toBe('true')
    expect(await first.textContent()).toContain('示例数据')
    await app.screenshot('address-05-typo')
    await page.keyboard.press('Control+c')
    const copied = await page.evaluate(() =>
      (globalThis as unknown as Clipboarded).navigator.clipboard.readText()
    )
    expect(copied).toContain('月坛北街')
    expect(await first.textContent()).toContain(copied)
    await search.fill('')
    await page.getByText('最近查询').waitFor()
    await page.getByText('月谭北街').first().waitFor()
  })

  it('finds an imported house number from its new side', async () => {
    const { page } = app
    await page.getByTestId('address-search').fill('阜外西口16号')
    const first = page.getByTestId('address-hit-0')
    await first.getByText('阜外西口').first().waitFor()
    expect(await first.textContent()).toContain('西城门牌〔2020〕2号')
  })

  it('adds a local reading of a name, then finds the name by its initials', async () => {
    const { page } = app
    const search = page.getByTestId('address-search')
    await search.fill('fwk')
    await page.getByText('没有找到对应的地址').waitFor()
    await page.getByTestId('address-readings').click()
    await page.getByTestId('address-reading-term').fill('阜外西口')
    await page.getByTestId('address-reading-value').fill('fu wai kou')
    await app.screenshot('address-03-reading')
    await page.getByRole('button', { name: '保存' }).click()
    await page.getByText('已添加读音：阜外西口 → fu wai kou').waitFor()
    await page.getByTestId('address-hit-0').getByText('阜外西口').first().waitFor()
    expect(await page.getByTestId('address-hit-0').textContent()).toContain('阜外西口16号')
  })

  it('removes the local reading again from the same dialog', async () => {
    const { page } = app
    await page.getByTestId('address-readings').click()
    await page.getByTestId('address-reading-term').fill('阜外西口')
    await page.keyboard.press('Tab')
    const remove = page.getByTestId('address-reading-remove')
    await remove.waitFor()
    expect(await remove.textContent()).toContain('fu wai kou')
    await remove.click()
    await page.getByText('已删除读音：阜外西口 → fu wai kou').waitFor()
    await page.getByText('暂无本地读音').waitFor()
    await page.getByRole('button', { name: '取消' }).click()
    await page.getByTestId('address-search').fill('fwk')
    await page.getByText('没有找到对应的地址').waitFor()
  })

  it('browses the station table, filters it, and opens a row for editing by keyboard', async () => {
    const { page } = app
    await page.getByTestId('address-browse-open').click()
    const browse = page.getByTestId('address-browse')
    await browse.waitFor()
    // The imported station rows (three good ones), newest first.
    await page.getByText('对照表（共 3 条）').waitFor()
    await page.getByTestId('address-browse-text').fill('三里河')
    await page.getByText('对照表（共 1 条）').waitFor()
    expect(await page.getByTestId('address-browse-row-0').textContent()).toContain('三里河一区15号')
    await page.getByTestId('address-browse-text').fill('')
    await page.getByTestId('address-browse-source').fill('〔2020〕')
    await page.getByText('对照表（共 1 条）').waitFor()
    await page.getByTestId('address-browse-source').fill('')
    await page.getByText('对照表（共 3 条）').waitFor()
    await app.screenshot('address-04-browse')
    await page.getByTestId('address-browse-text').focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const editor = page.getByRole('dialog', { name: '修改' })
    await editor.waitFor()
    const values = await editor
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value))
    const second = await page.getByTestId('address-browse-row-1').textContent()
    expect(values[0]).toBeTruthy()
    expect(second).toContain(values[0]!)
  })
})
