import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshotDir, startApp, wrappedTexts, type RunningApp } from './harness'

const ADMIN = { username: 'admin', displayName: '王建国', password: 'Station2026' }

describe('the service guide at the window', () => {
  let browser: Browser
  let app: RunningApp

  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser)
    const { page } = app
    await page.getByLabel('用户名').fill(ADMIN.username)
    await page.getByLabel('姓名').fill(ADMIN.displayName)
    await page.getByLabel('密码', { exact: true }).fill(ADMIN.password)
    await page.getByLabel('确认密码').fill(ADMIN.password)
    await page.getByRole('button', { name: '创建并登录' }).click()
    await page.getByTestId('status-operator').waitFor()
    const adminId = app.services.auth.current()!.operator.id
    await app.services.guide.repo.updateOffice(
      { phones: '010-68001234', address: '北京市西城区月坛南街1号', hours: '8:00–17:30' },
      adminId
    )
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('walks the menu with number keys, as on the phone, and goes back up with *', async () => {
    const { page } = app
    await page.keyboard.press('F6')
    await page.getByTestId('guide-sample-notice').waitFor()
    expect(await page.getByTestId('guide-sample-notice').textContent()).toContain('示例内容')
    const keyPath = page.getByTestId('guide-key-path')
    await page.keyboard.press('2')
    await page.getByText('本类业务').waitFor()
    expect(await keyPath.textContent()).toContain('2')
    await page.keyboard.press('*')
    expect(await keyPath.textContent()).toContain('第一级菜单')
    await page.keyboard.press('1')
    await page.keyboard.press('1')
    await page.getByTestId('guide-business-name').waitFor()
    expect(await page.getByTestId('guide-business-name').textContent()).toBe('户口迁出')
    expect(await keyPath.textContent()).toContain('1 › 1')
    // 办理窗口, 承诺时限, 法律依据: each label on one line beside its text.
    expect(await wrappedTexts(page.locator('.guide-fields .ant-descriptions-item-label'))).toEqual(
      []
    )
    await app.screenshot('guide-01-hukou-move-out')
  })

  it('ticks 他人代办 and prints a one-page checklist an elderly resident can read', async () => {
    const { page } = app
    await page.getByRole('checkbox', { name: '他人代办' }).check()
    await page.getByRole('button', { name: '打印材料清单' }).click()
    const result = page.getByTestId('guide-print-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('1 页')
    await app.screenshot('guide-02-checklist-printed')

    const audit = await app.services.audit.list({
      page: 1,
      pageSize: 1,
      action: 'guide.checklist.print'
    })
    const detail = JSON.parse(audit.rows[0]!.detail!) as { path: string; conditions: string[] }
    expect(detail.conditions).toEqual(['他人代办'])
    expect(audit.rows[0]!.operatorName).toBe('王建国')
    const text = execFileSync('pdftotext', ['-layout', detail.path, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, '')
    for (const expected of [
      '办事材料清单：户口迁出',
      '示例内容',
      '1.居民户口簿（原件）',
      '2.迁移人居民身份证',
      '3.委托书及代办人居民身份证（他人代办）',
      '办公时间：8:00–17:30',
      '010-68001234',
      '月坛南街1号',
      '打印日期：'
    ]) {
      expect(flat).toContain(expected)
    }
    // Not ticked, so not listed.
    expect(flat).not.toContain('户口准迁证')
    // One page; its image goes beside the screenshots to be looked at.
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(1)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      detail.path,
      join(screenshotDir, 'guide-03-checklist-pdf')
    ])
  })

  it('finds businesses by a material and by pinyin initials', async () => {
    const { page } = app
    const search = page.getByRole('searchbox')
    await search.fill('出生医学证明')
    await page.getByText('材料：出生医学证明或亲属关系证明（父母子女投靠）').waitFor()
    await app.screenshot('guide-04-search-material')
    await search.fill('csdj')
    await page.locator('.guide-hit').filter({ hasText: '出生登记' }).click()
    await page.getByTestId('guide-business-name').filter({ hasText: '出生登记' }).waitFor()
    await search.fill('')
  })

  it('shows the voice menu script per level', async () => {
    const { page } = app
    await page.getByRole('button', { name: '语音菜单脚本' }).click()
    const script = page.getByTestId('guide-voice-script')
    await script.waitFor()
    expect(await script.textContent()).toContain('户口迁出请按1，户口迁入、落户、申请入户请按2')
    await app.screenshot('guide-05-voice-script')
    await page.keyboard.press('Escape')
  })

  it('lets the administrator set the register a business creates, in the editor, audited', async () => {
    const { page } = app
    await page.locator('.guide-tree').getByText('证明').click()
    await page.getByTestId('guide-node-CERT-HK').click()
    await page.getByTestId('guide-business-name').filter({ hasText: '户籍类证明' }).waitFor()
    expect(await page.getByTestId('guide-register').count()).toBe(0)
    await page.getByRole('button', { name: '编辑', exact: true }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('对应登记簿', { exact: true }).click()
    await page.locator('.ant-select-item-option[title="案件纠纷受理"]').click()
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByTestId('guide-register').filter({ hasText: '案件纠纷受理' }).waitFor()
    expect(await page.getByTestId('guide-register').textContent()).toBe('对应登记簿：案件纠纷受理')
    expect((await app.services.guide.repo.business('CERT-HK')).register).toBe('case')
    const audit = await app.services.audit.list({
      page: 1,
      pageSize: 1,
      action: 'guide.business.update'
    })
    expect(audit.rows[0]!.operatorName).toBe('王建国')
    const [change] = await app.services.guide.repo.history('CERT-HK')
    expect([JSON.parse(change!.before!).register, JSON.parse(change!.after).register]).toEqual([
      null,
      'case'
    ])
  })

  it('opens 登记簿 on the business’s register with a new entry started', async () => {
    const { page } = app
    await page.keyboard.press('F6')
    await page.locator('.guide-tree').getByText('出入境（转介）').click()
    await page.getByTestId('guide-node-EXIT-PASSPORT').click()
    await page.getByTestId('guide-business-name').filter({ hasText: '普通护照' }).waitFor()
    expect(await page.getByTestId('guide-register').textContent()).toBe('对应登记簿：出入境审核')
    await page.getByRole('button', { name: '新建登记（出入境审核）' }).click()

    // F5 登记簿, on the 出入境审核 tab, with its new-entry form open (not an amendment).
    await page.locator('.shell-title', { hasText: '登记簿' }).waitFor()
    const dialog = page.getByRole('dialog', { name: '出入境审核', exact: true })
    await dialog.waitFor()
    expect(await page.locator('.ant-tabs-tab-active').first().textContent()).toBe('出入境审核')
    expect(await dialog.locator('form').count()).toBe(1)
    // Let the modal finish its opening animation before the screenshot.
    await expect.poll(() => page.locator('[class*="ant-zoom-"]').count()).toBe(0)
    await app.screenshot('guide-06-new-register-entry')

    // Once only: cancelled, then the tab left and come back to, the form stays closed.
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('tab', { name: '来访咨询' }).click()
    await page.getByRole('tab', { name: '出入境审核' }).click()
    await page.getByRole('button', { name: '新登记' }).waitFor()
    expect(await page.locator('.ant-modal:visible').count()).toBe(0)
    // And 登记簿 opened plainly afterwards starts on its board, as before.
    await page.keyboard.press('F6')
    await page.getByTestId('guide-sample-notice').waitFor()
    await page.keyboard.press('F5')
    await page.getByRole('tab', { name: '今日', selected: true }).waitFor()
    expect(await page.locator('.ant-modal:visible').count()).toBe(0)
    expect(app.errors).toEqual([])
  })
})
