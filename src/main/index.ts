import { app, BrowserWindow, dialog, Menu, safeStorage, screen, session, shell } from 'electron'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../shared/errors'
import { createIpcTable, trustOrigins } from './ipc/handlers'
import { emit, registerIpc } from './ipc/register'
import { resolveDataDir } from './paths'
import {
  APP_ORIGIN,
  applyProductionShell,
  lockDownContents,
  minimalMenu,
  registerAppScheme,
  restrictPermissions,
  serveRenderer
} from './security'
import { createServices } from './services'
import { describeError } from './app-log'
import {
  DATA_KEY_ENV,
  defaultKeyFile,
  fileKeyStorage,
  KEY_FILE_ENV,
  writePrivateFile,
  type KeyStorage
} from './keys/key-vault'
import { hallTarget, planHallWindow } from './queue/hall-display'
import type { HallDisplayMode } from '../shared/queue/contract'
import type { SystemPrinter } from './queue/printing'
import { scheduleBackups } from './db/backup-schedule'

registerAppScheme()

/** A packaged build is production: no dev server, no DevTools, the minimal menu. */
const isProduction = app.isPackaged
// The dev server's URL is honoured only in development: a packaged app always loads app://.
const devServerUrl = !isProduction ? process.env.ELECTRON_RENDERER_URL : undefined
const isOwnPage = trustOrigins(devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN])

/** In development, `npm start` builds an Electron-ABI copy of better-sqlite3 beside node_modules. */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const file = join(
    app.getAppPath(),
    '.native',
    `electron-${process.versions.electron}`,
    'better_sqlite3.node'
  )
  return existsSync(file) ? file : undefined
}

/**
 * The data key wrapped by the OS (DPAPI, Keychain, libsecret) in `<data>/keys/data.key.safe`. A
 * plain key file left by the CLI is wrapped on first start and removed. An explicit environment
 * key or key file, or an OS without secret storage, keeps the CLI's sources.
 */
function safeStorageKeys(dataDir: string): KeyStorage | undefined {
  if (process.env[DATA_KEY_ENV] || process.env[KEY_FILE_ENV]) return undefined
  if (!safeStorage.isEncryptionAvailable()) return undefined
  const wrapped = `${defaultKeyFile(dataDir)}.safe`
  const plain = fileKeyStorage(defaultKeyFile(dataDir))
  const store = (key: Buffer) =>
    writePrivateFile(wrapped, safeStorage.encryptString(key.toString('hex')))
  return {
    description: '操作系统凭据保管的数据密钥',
    read() {
      if (existsSync(wrapped)) {
        return Buffer.from(safeStorage.decryptString(readFileSync(wrapped)), 'hex')
      }
      const key = plain.read()
      if (key) {
        store(key)
        rmSync(defaultKeyFile(dataDir))
      }
      return key
    },
    write: store
  }
}

let mainWindow: BrowserWindow | undefined
let hallWindow: BrowserWindow | undefined
let hallDisplayId: number | null = null

const pageUrl = (hash = '') => `${devServerUrl ?? `${APP_ORIGIN}/index.html`}${hash}`

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: '便民窗口工作站',
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 720,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK — the bundled, sandboxed preload exposes one method per contract call and never ipcRenderer itself
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isProduction
    }
  })
  if (isProduction) applyProductionShell(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(pageUrl())
  return window
}

/**
 * The hall display: full screen on the second monitor, opened, moved or closed as monitors come
 * and go, or closed while this PC's setting has it off (the choice itself is `hallTarget`,
 * unit-tested).
 */
function placeHallWindow(mode: HallDisplayMode): void {
  const target = hallTarget(mode, screen.getAllDisplays(), screen.getPrimaryDisplay().id)
  const plan = planHallWindow(target, {
    open: hallWindow !== undefined && !hallWindow.isDestroyed(),
    displayId: hallDisplayId
  })
  if (plan.action === 'close') {
    hallWindow?.close()
    hallWindow = undefined
    hallDisplayId = null
  } else if (plan.action === 'move' && hallWindow) {
    hallWindow.setFullScreen(false)
    hallWindow.setBounds(plan.bounds)
    hallWindow.setFullScreen(true)
    hallDisplayId = plan.displayId
  } else if (plan.action === 'open') {
    const window = new BrowserWindow({
      title: '叫号显示屏',
      ...plan.bounds,
      show: false,
      frame: false,
      fullscreen: true,
      autoHideMenuBar: true,
      backgroundColor: '#0b1f3a',
      // The same hardening as the clerk's window; only the hall may play sound without a gesture.
      webPreferences: {
        // electronegativity-justified: PRELOAD_JS_CHECK — the bundled, sandboxed preload exposes one method per contract call and never ipcRenderer itself
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: !isProduction,
        autoplayPolicy: 'no-user-gesture-required'
      }
    })
    if (isProduction) applyProductionShell(window.webContents)
    window.once('ready-to-show', () => window.showInactive())
    window.on('closed', () => {
      if (hallWindow === window) {
        hallWindow = undefined
        hallDisplayId = null
      }
    })
    void window.loadURL(pageUrl('#/display'))
    hallWindow = window
    hallDisplayId = plan.displayId
  }
}

/**
 * Silent slip printing: a hidden window (no preload, no scripts) loads the slip page and prints it
 * on the chosen printer. The queue service sees only the SystemPrinter interface.
 */
const systemPrinter: SystemPrinter = {
  list: async () =>
    mainWindow ? (await mainWindow.webContents.getPrintersAsync()).map((p) => p.name) : [],
  print: ({ html, deviceName, widthMm, heightMm }) =>
    new Promise((resolve, reject) => {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          disableBlinkFeatures: 'Auxclick',
          spellcheck: false,
          devTools: !isProduction
        }
      })
      window.webContents.once('did-fail-load', (_event, _code, reason) => {
        window.destroy()
        reject(new AppError('CONFLICT', `号票打印失败：${reason}`))
      })
      window.webContents.once('did-finish-load', () =>
        window.webContents.print(
          {
            silent: true,
            deviceName,
            printBackground: false,
            margins: { marginType: 'none' },
            pageSize: { width: widthMm * 1000, height: heightMm * 1000 }
          },
          (ok, reason) => {
            window.destroy()
            if (ok) resolve()
            else reject(new AppError('CONFLICT', `号票打印失败（${deviceName}）：${reason}`))
          }
        )
      )
      void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    })
}

/** Delay between the window showing and the daily backup starting. */

async function start(): Promise<void> {
  await app.whenReady()
  if (isProduction) Menu.setApplicationMenu(minimalMenu(process.platform))
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))
  restrictPermissions(isOwnPage)
  session.defaultSession.setSpellCheckerEnabled(false)
  serveRenderer(join(import.meta.dirname, '../renderer'))

  /** Places the hall window under the current setting (set once the services are open). */
  let placeHall: () => void = () => undefined
  const dataDir = resolveDataDir(process.argv)
  const keyStorage = safeStorageKeys(dataDir)
  const services = await createServices({
    dataDir,
    ...(keyStorage ? { keyStorage } : {}),
    migrationsFolder: join(app.getAppPath(), 'drizzle'),
    appVersion: app.getVersion(),
    nativeBinding: electronNativeBinding(),
    stationUploadIntervalMs: 15_000,
    onStationChange: (change) => {
      emit(mainWindow?.webContents, 'station.changed', change)
      emit(hallWindow?.webContents, 'station.changed', change)
    },
    onStationProgress: (progress) => emit(mainWindow?.webContents, 'station.progress', progress),
    onAuditProgress: (progress) => emit(mainWindow?.webContents, 'audit.progress', progress),
    onHallDisplayChange: () => placeHall(),
    onSessionChange: (status) => {
      emit(mainWindow?.webContents, 'session.changed', status)
      emit(hallWindow?.webContents, 'session.changed', status)
    },
    systemPrinter,
    openPath: async (file) => {
      const problem = await shell.openPath(file)
      if (problem) throw new Error(problem)
    }
  })
  registerIpc(createIpcTable(services, isOwnPage))
  mainWindow = createWindow()
  placeHall = () => placeHallWindow(services.queue.hallDisplay())
  placeHall()
  screen.on('display-added', placeHall)
  screen.on('display-removed', placeHall)
  // The hall display has no frame: it closes with the clerk's window.
  mainWindow.on('closed', () => hallWindow?.close())
  // The daily copy reads the whole database (a million address rows are ~0.5 GB), so it starts
  // once the window has shown and the clerk can work, then is checked hourly (a PC left running
  // takes each day's); a failure is logged, never fatal.
  let stopBackups: (() => void) | undefined
  mainWindow.once('ready-to-show', () => {
    stopBackups = scheduleBackups(services.backup, (error: unknown) =>
      services.log.error('backup', 'daily backup failed', describeError(error))
    )
  })

  app.on('window-all-closed', () => {
    stopBackups?.()
    void services.auth.signOut().finally(() => {
      services.close()
      app.quit()
    })
  })
}

start().catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? error.message
      : `启动失败：${error instanceof Error ? error.message : String(error)}`
  dialog.showErrorBox('便民窗口工作站', message)
  app.exit(1)
})
