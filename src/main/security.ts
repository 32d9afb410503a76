import {
  Menu,
  net,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type WebContents
} from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { resolveInside } from './paths'

/** Our page is served from app://bianmin/ (never file://), so it has an origin we can check. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://bianmin`

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the built renderer from app://bianmin/ with the CSP header on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file =
      url.host === 'bianmin'
        ? resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname)
        : null
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(join(file)).toString())
    const headers = new Headers(response.headers)
    // electronegativity-justified: CSP_GLOBAL_CHECK — the CSP (src/shared/csp.ts) is sent on every app:// response here and written into index.html at build
    headers.set('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

/**
 * Electron grants every permission by default: allow only the camera ("media" with video only),
 * and only to our own page.
 */
export function restrictPermissions(isOwnPage: (url: string | undefined) => boolean): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const cameraOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video')
    callback(permission === 'media' && cameraOnly && isOwnPage(webContents.getURL()))
  })
  ses.setPermissionCheckHandler(
    (webContents, permission, requestingOrigin) =>
      permission === 'media' && isOwnPage(webContents?.getURL() ?? requestingOrigin)
  )
}

/** No navigation, no new windows, no <webview>. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * Production: DevTools never open (also refused if something opens them), and the menu holds only
 * what a clerk needs: the edit roles (so copy/paste shortcuts work on macOS) and quit. No reload,
 * no zoom, no "Toggle Developer Tools". Development keeps Electron's default menu.
 */
export function applyProductionShell(contents: WebContents): void {
  contents.on('devtools-opened', () => contents.closeDevTools())
  // The DevTools and reload chords do nothing (the minimal menu has no accelerators for them).
  contents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase()
    const mod = input.control || input.meta
    if (
      input.key === 'F12' ||
      (mod && input.shift && ['i', 'j', 'c'].includes(key)) ||
      (mod && key === 'r')
    )
      event.preventDefault()
  })
}

export function minimalMenu(platform: NodeJS.Platform): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin'
      ? [{ role: 'appMenu' as const, submenu: [{ role: 'quit' as const }] }]
      : []),
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' }
      ]
    },
    ...(platform === 'darwin'
      ? []
      : [{ label: '文件', submenu: [{ role: 'quit' as const, label: '退出' }] }])
  ]
  return Menu.buildFromTemplate(template)
}
