import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { appendFileSync } from 'node:fs'
import { launchBrowser, startApp, type RunningApp } from './harness'

/**
 * The bad-input sweep: every text box, date box and form of every module gets empty, blank, a
 * megabyte of pasted text, control and bidi characters, far dates and lunar days that do not
 * exist. Nothing may raise a page error, a console error or an internal error behind a call; the
 * window never goes blank; a refused form says why in Chinese and writes nothing.
 */

/** The few browser shapes the sweep's page functions touch (the Node project has no DOM lib). */
interface PageElement {
  value: string
  innerText: string
  click(): void
  blur(): void
}
interface PageDocument {
  body: PageElement
  activeElement: PageElement | null
  querySelectorAll(selector: string): { length: number }
}
declare const document: PageDocument

const MEGABYTE = 'A1测'.repeat(350_000)

interface BadValue {
  name: string
  value: string
  /** Every form must refuse it (so the database must not change). */
  refused: boolean
}

const BAD_VALUES: BadValue[] = [
  { name: 'empty', value: '', refused: true },
  { name: 'blank', value: ' \t  ', refused: true },
  { name: '1 MB pasted', value: MEGABYTE, refused: true },
  {
    name: 'control and bidi',
    value: '张\u0000三\u0007\u001b[31m\u202e\u2066李四\u2069',
    refused: true
  },
  { name: 'year 1800', value: '1800-01-01', refused: false },
  { name: 'year 2101', value: '2101-01-01', refused: false },
  { name: 'year 9999', value: '9999-12-31', refused: false },
  { name: 'no such leap month', value: '1987年闰五月初三', refused: false },
  { name: 'no such day', value: '2021-02-30', refused: false },
  { name: 'no such lunar day', value: '2026年二月三十', refused: false }
]

/** Text-like boxes a clerk can type into (not checkboxes, radios, passwords or files). */
const TYPABLE =
  'input:visible:not([type=checkbox]):not([type=radio]):not([type=password]):not([type=file]):not([readonly]):not([disabled]), textarea:visible:not([readonly]):not([disabled])'

/** The same and password boxes: at first start, where there is no account to lock. */
const TYPABLE_WITH_PASSWORDS = `${TYPABLE}, input:visible[type=password]:not([readonly]):not([disabled])`

let browser: Browser
let app: RunningApp

async function healthy(page: Page, step: string) {
  if (process.env.SWEEP_TRACE)
    appendFileSync(process.env.SWEEP_TRACE, `${new Date().toISOString()} ${step}\n`)
  // Give React a moment to render (or fail to) what the last action started.
  await page.waitForTimeout(30)
  const state = await page.evaluate(() => ({
    text: document.body.innerText.trim().length,
    crashed: document.querySelectorAll('[data-testid="module-error"], .fatal-error').length,
    // A refusal names no field by main's path (输入有误（night.amount）): at its box, or in words.
    fieldPath: /输入有误（[A-Za-z0-9_.]+）/.exec(document.body.innerText)?.[0] ?? null
  }))
  expect({ step, errors: app.errors }).toEqual({ step, errors: [] })
  expect({ step, ...state }).toMatchObject({ step, crashed: 0, fieldPath: null })
  expect(state.text, step).toBeGreaterThan(0)
}

const auditCount = () =>
  Number(app.services.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get())

/** Fills one box; a box that does not take the value (a date input given text) is skipped. */
async function fill(field: Locator, value: string): Promise<boolean> {
  // A box may have gone (a choice earlier in the form hides it): skip it.
  const type = await field.getAttribute('type', { timeout: 2000 }).catch(() => 'gone')
  if (type === 'gone') return false
  if (type === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  if (type === 'number' && value && Number.isNaN(Number(value))) return false
  try {
    await field.fill(value, { timeout: 3000 })
    return true
  } catch {
    return false
  }
}

/** Types every bad value into every box in `scope`, one at a time, pressing Enter after each. */
async function sweepBoxes(
  page: Page,
  scope: Locator,
  where: string,
  closePopups = escape,
  typable = TYPABLE
) {
  const count = await scope.locator(typable).count()
  for (let i = 0; i < count; i++) {
    const field = scope.locator(typable).nth(i)
    if (!(await field.isVisible().catch(() => false))) continue
    const name =
      (await field.getAttribute('aria-label', { timeout: 2000 }).catch(() => null)) ??
      (await field.getAttribute('id', { timeout: 2000 }).catch(() => null)) ??
      i
    for (const bad of BAD_VALUES) {
      if (!(await field.isVisible().catch(() => false))) break
      if (!(await fill(field, bad.value))) continue
      await field.press('Enter').catch(() => undefined)
      await healthy(page, `${where} · box ${name} · ${bad.name}`)
    }
    await fill(field, '')
    // An opened date panel or dropdown would cover the next box.
    await closePopups(page)
  }
}

async function escape(page: Page) {
  await page.keyboard.press('Escape')
}

/**
 * Fills every box of a form with one bad value and submits it: a refused value shows a message
 * and writes nothing.
 */
async function sweepForm(
  page: Page,
  form: Locator,
  submit: Locator,
  where: string,
  closePopups = escape,
  typable = TYPABLE
) {
  for (const bad of BAD_VALUES) {
    const before = auditCount()
    const fields = form.locator(typable)
    const count = await fields.count()
    // A box with a length cap keeps only the start of a long paste: the form then holds ordinary
    // text, which it may accept. A refusal is owed only when some box holds the value whole.
    let heldWhole = false
    for (let i = 0; i < count; i++) {
      if (!(await fill(fields.nth(i), bad.value))) continue
      const held = await fields
        .nth(i)
        .evaluate((box) => (box as unknown as PageElement).value.length, undefined, {
          timeout: 2000
        })
        .catch(() => -1)
      if (held === bad.value.length) heldWhole = true
    }
    await closePopups(page)
    if (!(await submit.isVisible())) break
    // A long paste can make a dialog taller than the window, where its own scroll layer covers
    // the footer for a pointer: press the button as the keyboard would then.
    await submit
      .click({ timeout: 3000 })
      .catch(() => submit.evaluate((button) => (button as unknown as PageElement).click()))
    await page.waitForTimeout(150)
    await healthy(page, `${where} · submit · ${bad.name}`)
    if (bad.refused && heldWhole) {
      expect(auditCount(), `${where} · ${bad.name} must change nothing`).toBe(before)
      const shown = await page
        .locator('.ant-form-item-explain-error, .ant-message-error, .ant-alert-error, [role=alert]')
        .allInnerTexts()
      expect(
        shown.some((message) => /[\u4e00-\u9fff]/.test(message)),
        `${where} · ${bad.name}: a Chinese message`
      ).toBe(true)
    }
  }
}

async function openModule(page: Page, key: string) {
  await page.keyboard.press('Escape')
  await page.keyboard.press(key)
  await page.waitForTimeout(300)
}

/** Every tab of the module on screen, in turn. */
async function eachTab(page: Page, visit: (tab: string) => Promise<void>) {
  const tabs = await page.locator('.shell-content [role=tab]').allInnerTexts()
  if (!tabs.length) return visit('')
  for (const tab of tabs) {
    const handle = page.locator('.shell-content [role=tab]', { hasText: tab }).first()
    // Clicked as a clerk would: every module's strip wraps, so no tab hides behind a … menu.
    await handle.click()
    await expect.poll(() => handle.getAttribute('aria-selected'), { message: tab }).toBe('true')
    await page.waitForTimeout(200)
    await visit(tab)
  }
}

/** Opens a dialog with `button`, sweeps its form, submits it, and closes it. */
async function sweepDialog(page: Page, button: Locator, where: string) {
  await button.click()
  const dialog = page.locator('.ant-modal:not(.ant-modal-confirm):visible').last()
  await dialog.waitFor()
  // A draft kept from an earlier visit is offered first: decline it, so the form starts empty.
  const offer = page.locator('.ant-modal-confirm:visible')
  await offer.waitFor({ timeout: 800 }).catch(() => undefined)
  if (await offer.count()) {
    await offer.locator('.ant-modal-confirm-btns .ant-btn').first().click()
    await offer.waitFor({ state: 'hidden', timeout: 5000 })
  }
  // Escape would close the dialog itself: a click on its title closes a date panel or dropdown.
  const closePopups = async () => {
    await page.evaluate(() => document.activeElement?.blur())
    await page.waitForTimeout(100)
  }
  await sweepBoxes(page, dialog, where, closePopups)
  const submit = dialog.locator('.ant-modal-footer .ant-btn-primary, button[type=submit]').first()
  if (await submit.count()) await sweepForm(page, dialog, submit, where, closePopups)
  // Focus may have left the dialog, so Escape would not reach it: use its close button (pressed
  // directly when the dialog's scroll layer is in the pointer's way, as with the submit button).
  // (An accepted submit has closed it already.)
  const close = dialog.locator('.ant-modal-close')
  if (await close.count())
    await close
      .click({ timeout: 3000 })
      .catch(() =>
        close.evaluate((button) => (button as unknown as PageElement).click(), undefined, {
          timeout: 3000
        })
      )
      .catch(() => undefined)
  await dialog.waitFor({ state: 'hidden', timeout: 5000 }).catch(async (error: Error) => {
    await app.screenshot('bad-input-dialog-stuck')
    throw new Error(`${where}: the dialog did not close (${error.message.split('\n')[0]})`)
  })
}

const MODULES: [string, string][] = [
  ['F2', '照相'],
  ['F3', '地址对照'],
  ['F4', '农历公历'],
  ['F5', '登记簿'],
  ['F6', '办事指南'],
  ['F7', '考核'],
  ['F8', '取号叫号'],
  ['F9', '设置']
]

/** Forms shown in the page after a button is pressed (module › tab: the button's name). */
const INLINE_OPENERS: Record<string, string> = { '照相 › 规格与摄像头': '编辑' }

/** Buttons that open a form in a dialog (matched on their text, icons aside). */
const DIALOG_OPENERS = /^(新登记|新增对照|录入年度安排|本所信息|添加操作员)$/

describe('bad input never blanks the window, on any screen', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser, { signedIn: true })
    await app.page.getByTestId('status-operator').waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it.each(MODULES)('%s %s: every box and form', { timeout: 900_000 }, async (key, name) => {
    const { page } = app
    app.errors.length = 0
    await openModule(page, key)
    await page.locator('.shell-title', { hasText: name }).waitFor()
    await eachTab(page, async (tab) => {
      const where = `${name}${tab ? ` › ${tab}` : ''}`
      const content = page.locator('.shell-content')
      const opener = INLINE_OPENERS[where]
      if (opener) await content.getByRole('button', { name: opener, exact: true }).first().click()
      await sweepBoxes(page, content, where)
      // Forms on the page: each one with its own submit button.
      const forms = content.locator('form:has(button[type=submit])')
      for (let i = 0; i < (await forms.count()); i++) {
        const form = forms.nth(i)
        const submit = form.locator('button[type=submit]').first()
        await sweepForm(page, form, submit, `${where} · form ${i + 1}`)
      }
      const openers = content.locator('button').filter({ hasText: DIALOG_OPENERS })
      for (let i = 0; i < (await openers.count()); i++) {
        await sweepDialog(page, openers.nth(i), `${where} · dialog ${i + 1}`)
      }
    })
    await app.screenshot(`bad-input-${key}`)
  })
})

describe('bad input at first start: the set-up and join forms', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
    app = await startApp(browser)
    await app.page.getByText('首次启动：创建系统管理员').waitFor()
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it(
    'creates no account and links to no server from bad input, and never blanks',
    { timeout: 300_000 },
    async () => {
      const { page } = app
      const setup = page.locator('form').first()
      await sweepBoxes(page, setup, '首次启动', escape, TYPABLE_WITH_PASSWORDS)
      await sweepForm(
        page,
        setup,
        page.getByRole('button', { name: '创建并登录' }),
        '首次启动 · form',
        escape,
        TYPABLE_WITH_PASSWORDS
      )
      expect(await app.services.operators.count()).toBe(0)

      await page.getByRole('button', { name: '本所已有服务器和账户？加入本所服务器' }).click()
      const join = page.getByTestId('join-form')
      await sweepBoxes(page, join, '加入本所服务器', escape, TYPABLE_WITH_PASSWORDS)
      await sweepForm(
        page,
        join,
        page.getByRole('button', { name: '连接并下载账户' }),
        '加入本所服务器 · form',
        escape,
        TYPABLE_WITH_PASSWORDS
      )
      expect(app.services.station.status().configured).toBe(false)
      expect(await app.services.operators.count()).toBe(0)
      await app.screenshot('bad-input-first-start')
    }
  )
})
