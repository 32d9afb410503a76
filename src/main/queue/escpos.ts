/**
 * The ticket slip for a network ESC/POS printer (port 9100): text in GB18030, the number large,
 * a cut at the end. Written here rather than taken from a printer library: the slip needs six
 * commands.
 */
import { connect } from 'node:net'
import iconv from 'iconv-lite'
import { AppError } from '../../shared/errors'

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c

export const INIT = [ESC, 0x40]
/** FS &: Chinese character mode, so two-byte (and GB18030 four-byte) codes print as Hanzi. */
export const CHINESE_ON = [FS, 0x26]
const align = (n: 0 | 1) => [ESC, 0x61, n]
/** GS ! n: width and height multipliers (n = 0x00 normal, 0x11 double, 0x22 triple). */
const size = (n: number) => [GS, 0x21, n]
const bold = (on: boolean) => [ESC, 0x45, on ? 1 : 0]
/** GS V 66 n: feed n lines, then a partial cut. */
export const FEED_AND_CUT = [GS, 0x56, 66, 3]

/** Characters per line of normal text (12×24 font): 32 on 58 mm paper, 48 on 80 mm. */
export const columns = (paperMm: 58 | 80) => (paperMm === 58 ? 32 : 48)

/** Display width: a Hanzi (or any non-ASCII character) takes two columns. */
const widthOf = (text: string) =>
  [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0)

/** Breaks a line so no row is wider than the paper (the printer would wrap mid-character). */
export function wrap(text: string, width: number): string[] {
  const rows: string[] = []
  let row = ''
  for (const char of text) {
    if (widthOf(row + char) > width) {
      rows.push(row)
      row = ''
    }
    row += char
  }
  return [...rows, row]
}

/**
 * Bytes of a slip from `slipLines`: station, number (large), business, the waiting text and the
 * time. Only the station, business and number are centred; the rest wraps to the paper.
 */
export function escposSlip(lines: readonly string[], paperMm: 58 | 80): Buffer {
  const [station = '', number = '', service = '', ...rest] = lines
  const text = (s: string) => [...iconv.encode(`${s}\n`, 'gb18030')]
  const cols = columns(paperMm)
  const bytes = [
    ...INIT,
    ...CHINESE_ON,
    ...align(1),
    ...bold(true),
    ...wrap(station, cols).flatMap(text),
    ...bold(false),
    ...size(paperMm === 58 ? 0x22 : 0x33),
    ...text(number),
    ...size(0),
    ...wrap(service, cols).flatMap(text),
    ...align(0),
    ...rest.flatMap((line) => wrap(line, cols).flatMap(text)),
    ...FEED_AND_CUT
  ]
  return Buffer.from(bytes)
}

/** Sends raw bytes to a network printer; refuses with a Chinese message when it cannot. */
export function sendRaw(host: string, port: number, bytes: Buffer, timeoutMs = 5_000) {
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port })
    const fail = (reason: string) => {
      socket.destroy()
      reject(new AppError('CONFLICT', `号票打印失败（${host}:${port}）：${reason}`))
    }
    socket.setTimeout(timeoutMs, () => fail('打印机无响应'))
    socket.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ECONNREFUSED' ? '连接被拒绝' : (error.code ?? error.message))
    )
    socket.once('connect', () => socket.end(bytes))
    socket.once('close', (hadError) => {
      if (!hadError) resolve()
    })
  })
}
