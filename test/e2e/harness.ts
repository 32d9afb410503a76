import { expect } from 'vitest'
import { createServer, type Server } from 'node:http'
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { createIpcTable, trustOrigins } from '../../src/main/ipc/handlers'
import { resolveInside } from '../../src/main/paths'
import { createServices, type Services } from '../../src/main/services'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { events, type EventName } from '../../src/shared/ipc/contract'
import { migrationsFolder, repoRoot, tempDir } from '../helpers/services'
import { bridgeBundle } from './global-setup'
import type { BridgeWindow } from './bridge-preload'

export const rendererDir = join(repoRoot, 'out/renderer')
export const screenshotDir = join(repoRoot, 'test/e2e/__screenshots__')
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

/** Serves the built renderer on loopback with the app's CSP, as app:// does in Electron. */
function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const file = resolveInside(rendererDir, path === '/' ? '/index.html' : path)
    if (!file || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY
    })
    response.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, origin: `http://127.0.0.1:${port}` })
    })
  )
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] })
}

export interface RunningApp {
  page: Page
  services: Services
  origin: string
  dataDir: string
  /** Page errors, console errors, failed requests and internal errors behind calls so far. */
  errors: string[]
  /** Channels the page has called, in order. */
  calls: string[]
  screenshot(name: string): Promise<void>
  close(): Promise<void>
}

export const E2E_ADMIN = { username: 'admin', displayName: '王建国', password: 'Station2026' }

/**
 * Starts the app as main would — real services on a fresh data folder, the same handler table —
 * and opens the built renderer in Chromium with `window.api` bridged to that table.
 */
export async function startApp(
  browser: Browser,
  options: {
    dataDir?: string
    signedIn?: boolean
    /** Main's clock (deadlines, the today board, sessions); the real time by default. */
    now?: () => Date
    /** Background upload to the station server, as the app's 15 s but shorter. */
    stationUploadIntervalMs?: number
    /** Main answers these channels this many ms late (a busy main process). */
    delayChannels?: Record<string, number>
  } = {}
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? tempDir('bianmin-e2e-')
  const current: { page?: Page } = {}
  const emit = (name: EventName, payload: unknown) => {
    const checked = events[name].parse(payload)
    void current.page?.evaluate(
      ([event, data]) => (globalThis as unknown as BridgeWindow).__bianminEmit(event, data),
      [name, checked] as const
    )
  }
  const services = await createServices({
    dataDir,
    migrationsFolder,
    appVersion: 'e2e',
    ...(options.now ? { now: options.now } : {}),
    // The harness shoots from a still file (fswebcam's file: source); the app never allows it.
    allowFileCamera: true,
    ...(options.stationUploadIntervalMs
      ? { stationUploadIntervalMs: options.stationUploadIntervalMs }
      : {}),
    onSessionChange: (status) => emit('session.changed', status),
    onStationChange: (change) => emit('station.changed', change),
    onStationProgress: (progress) => emit('station.progress', progress),
    onAuditProgress: (progress) => emit('audit.progress', progress)
  })
  if (options.signedIn) await services.auth.setupAdmin(E2E_ADMIN)
  const { server, origin } = await serveRenderer()
  const errors: string[] = []
  const calls: string[] = []
  const table = createIpcTable(services, trustOrigins([origin]), (channel, error) => {
    console.error(`[ipc] ${channel}`, error)
    errors.push(`internal error in ${channel}: ${error instanceof Error ? error.message : error}`)
  })
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN'
  })
  await context.exposeBinding(
    '__bianminInvoke',
    async ({ frame }, channel: string, input: unknown) => {
      calls.push(channel)
      const answer = table.invoke(channel, input, { senderUrl: frame.url() })
      const delay = options.delayChannels?.[channel]
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
      return answer
    }
  )
  await context.addInitScript({ path: bridgeBundle })
  const page = await context.newPage()
  current.page = page
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(`${origin}/index.html`)
  mkdirSync(screenshotDir, { recursive: true })
  return {
    page,
    services,
    origin,
    dataDir,
    errors,
    calls,
    screenshot: async (name) => {
      await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
    },
    close: async () => {
      await context.close()
      server.close()
      services.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (errors.length) throw new Error(`The page reported errors:\n${errors.join('\n')}`)
    }
  }
}

/**
 * The status bar's date keeps one line, however much the left side holds (a wrapped one split
 * 农历十月 from its day).
 */
export async function expectStatusDateOnOneLine(page: Page): Promise<void> {
  const today = page.getByTestId('status-today')
  // One line is about 1.5 font sizes high; two are 3.
  const fontSize = await today.evaluate((node) => {
    const view = globalThis as unknown as {
      getComputedStyle: (element: unknown) => { fontSize: string }
    }
    return parseFloat(view.getComputedStyle(node).fontSize)
  })
  expect(fontSize).toBeGreaterThan(0)
  expect((await today.boundingBox())!.height).toBeLessThan(fontSize * 2.2)
}

/**
 * The texts among `cells` that take more than one line (a label squeezed into 办理窗/口): the
 * distinct line tops of each element's text nodes, measured through DOM ranges.
 */
export async function wrappedTexts(cells: Locator): Promise<string[]> {
  type Rects = { length: number; [index: number]: { top: number } }
  type Node = { nodeType: number; childNodes: ArrayLike<Node>; textContent: string | null }
  type Doc = {
    createRange(): { selectNodeContents(node: Node): void; getClientRects(): Rects }
  }
  const measured = await cells.evaluateAll((elements) =>
    elements.map((element) => {
      const doc = (globalThis as unknown as { document: Doc }).document
      const tops = new Set<number>()
      const visit = (node: Node) => {
        if (node.nodeType === 3 && node.textContent?.trim()) {
          const range = doc.createRange()
          range.selectNodeContents(node)
          const rects = range.getClientRects()
          for (let i = 0; i < rects.length; i++) tops.add(Math.round(rects[i]!.top))
        }
        for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i]!)
      }
      visit(element as unknown as Node)
      return { text: element.textContent ?? '', lines: tops.size }
    })
  )
  return measured.filter((cell) => cell.lines > 1).map((cell) => cell.text)
}
