import { net, protocol, session, type WebContents } from 'electron'
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
