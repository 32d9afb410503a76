/**
 * Printing the ticket slip: through a system printer (Electron's silent webContents.print, handed
 * in by index.ts as a SystemPrinter so this stays Electron-free) or raw ESC/POS to a network
 * printer. With no printer the number is only shown.
 */
import { AppError } from '../../shared/errors'
import type { PrinterConfig } from '../../shared/queue/contract'
import { escposSlip, sendRaw } from './escpos'

export interface SystemPrinter {
  /** Printer names as the system knows them. */
  list(): Promise<string[]>
  /** Prints a self-contained HTML page silently on the named printer, paper `widthMm` wide. */
  print(job: { html: string; deviceName: string; widthMm: number; heightMm: number }): Promise<void>
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )

/** Roughly the slip's length, so a roll printer does not feed a whole page. */
export const slipHeightMm = (lines: readonly string[], widthMm: number) =>
  Math.round(12 + (widthMm >= 80 ? 26 : 20) + lines.length * 5 * (widthMm >= 80 ? 1 : 1.4))

/** The slip as a page for a system printer: no scripts, no external resources. */
export function slipHtml(lines: readonly string[], widthMm: number): string {
  const [station = '', number = '', service = '', ...rest] = lines.map(escapeHtml)
  const big = widthMm >= 80 ? 22 : 16
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>@page{size:${widthMm}mm auto;margin:0}body{margin:2mm 3mm;width:${widthMm - 6}mm;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;font-size:3.2mm}
.c{text-align:center}.n{font-size:${big}mm;font-weight:700;line-height:1.1}.s{font-weight:700}</style></head>
<body><div class="c s">${station}</div><div class="c n">${number}</div><div class="c">${service}</div>${rest
    .map((line) => `<div>${line}</div>`)
    .join('')}</body></html>`
}

export function createSlipPrinting({
  system,
  send = sendRaw
}: {
  system?: SystemPrinter | undefined
  send?: typeof sendRaw
}) {
  return {
    /** System printer names; none where there is no system printing (tests, CLI). */
    list: async () => (system ? await system.list() : []),

    /** Prints the slip; false when no printer is set. A failure throws a Chinese message. */
    async print(lines: readonly string[], config: PrinterConfig): Promise<boolean> {
      const width = Number(config.paperWidth) as 58 | 80
      if (config.kind === 'none') return false
      if (config.kind === 'network') {
        await send(config.host!, config.port ?? 9100, escposSlip(lines, width))
        return true
      }
      if (!system) throw new AppError('CONFLICT', '此环境不能使用系统打印机')
      await system.print({
        html: slipHtml(lines, width),
        deviceName: config.deviceName!,
        widthMm: width,
        heightMm: slipHeightMm(lines, width)
      })
      return true
    }
  }
}

export type SlipPrinting = ReturnType<typeof createSlipPrinting>
