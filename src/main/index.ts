import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron'
import { existsSync } from 'node:fs'
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

let mainWindow: BrowserWindow | undefined

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
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

/** Delay between the window showing and the daily backup starting. */
const BACKUP_DELAY_MS = 10_000

async function start(): Promise<void> {
  await app.whenReady()
  if (isProduction) Menu.setApplicationMenu(minimalMenu(process.platform))
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents))
  restrictPermissions(isOwnPage)
  session.defaultSession.setSpellCheckerEnabled(false)
  serveRenderer(join(import.meta.dirname, '../renderer'))

  const services = await createServices({
    dataDir: resolveDataDir(process.argv),
    migrationsFolder: join(app.getAppPath(), 'drizzle'),
    appVersion: app.getVersion(),
    nativeBinding: electronNativeBinding(),
    onSessionChange: (status) => emit(mainWindow?.webContents, 'session.changed', status),
    openPath: async (file) => {
      const problem = await shell.openPath(file)
      if (problem) throw new Error(problem)
    }
  })
  registerIpc(createIpcTable(services, isOwnPage))
  mainWindow = createWindow()
  // The daily copy reads the whole database (a million address rows are ~0.5 GB), so it starts
  // once the window has shown and the clerk can work; a failure is logged, never fatal.
  let backupTimer: NodeJS.Timeout | undefined
  mainWindow.once('ready-to-show', () => {
    backupTimer = setTimeout(
      () =>
        void services
          .backup()
          .catch((error: unknown) =>
            services.log.error('backup', 'daily backup failed', describeError(error))
          ),
      BACKUP_DELAY_MS
    )
  })

  app.on('window-all-closed', () => {
    clearTimeout(backupTimer)
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
