import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIpcTable, trustOrigins } from '../../../src/main/ipc/handlers'
import { columns, escposSlip, sendRaw, wrap } from '../../../src/main/queue/escpos'
import { slipHtml, type SystemPrinter } from '../../../src/main/queue/printing'
import type { PrintOutcome, ServiceView } from '../../../src/shared/queue/contract'
import { openSignedIn } from '../../helpers/services'

const LINES = [
  '某某派出所便民服务大厅',
  'A001',
  '户籍业务（优先）',
  '您前面还有 2 人，请在休息区等候，过号请重新取号',
  '取号时间 2026-12-04 10:00'
]

/** A loopback "printer" on port 9100's behalf: it keeps what each connection sent. */
async function fakePrinter() {
  const jobs: Buffer[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks))
      socket.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    jobs,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

const decode = (bytes: Buffer) => iconv.decode(bytes, 'gb18030')

describe('ESC/POS slip', () => {
  it('starts with init and Chinese mode, ends with a cut, text in GB18030', () => {
    const bytes = escposSlip(LINES, 80)
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26])
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 66, 3])
    const text = decode(bytes)
    for (const line of LINES) expect(text).toContain(line)
    // GB18030, not UTF-8: 您 is C4 FA.
    expect(bytes.includes(Buffer.from([0xc4, 0xfa]))).toBe(true)
    expect(bytes.includes(Buffer.from('您', 'utf8'))).toBe(false)
  })

  it('wraps to the paper: 32 columns on 58 mm, a Hanzi taking two', () => {
    expect(columns(58)).toBe(32)
    expect(columns(80)).toBe(48)
    const rows = wrap(LINES[3]!, 32)
    expect(rows.join('')).toBe(LINES[3])
    expect(rows.length).toBe(2)
    for (const row of rows) {
      expect(
        [...row].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 1 : 2), 0)
      ).toBeLessThanOrEqual(32)
    }
    const text58 = decode(escposSlip(LINES, 58))
    expect(text58).toContain(`${rows[0]}\n${rows[1]}\n`)
  })

  it('the system printer page escapes what it prints and loads nothing', () => {
    const html = slipHtml(['<站>', 'A001', 'x & y'], 58)
    expect(html).toContain('&lt;站&gt;')
    expect(html).toContain('x &amp; y')
    expect(html).toContain('size:58mm')
    expect(html).not.toMatch(/<script|src=|href=/)
  })
})

describe('network printing over TCP', () => {
  it('sends the bytes to the printer and resolves once it has them', async () => {
    const printer = await fakePrinter()
    try {
      const bytes = escposSlip(LINES, 58)
      await sendRaw('127.0.0.1', printer.port, bytes)
      await expect.poll(() => printer.jobs.length).toBe(1)
      expect(printer.jobs[0]!.equals(bytes)).toBe(true)
    } finally {
      await printer.close()
    }
  })

  it('refuses with a Chinese message when nothing listens', async () => {
    const printer = await fakePrinter()
    const { port } = printer
    await printer.close()
    await expect(sendRaw('127.0.0.1', port, Buffer.from([1]))).rejects.toMatchObject({
      message: expect.stringMatching(/^号票打印失败（127\.0\.0\.1:\d+）：连接被拒绝$/)
    })
  })
})

describe('printing when a ticket is taken', () => {
  const ORIGIN = 'app://bianmin'
  const meta = { senderUrl: `${ORIGIN}/index.html` }
  let services: Awaited<ReturnType<typeof openSignedIn>>
  let table: ReturnType<typeof createIpcTable>
  let hukou: ServiceView
  const printed: { html: string; deviceName: string; widthMm: number }[] = []
  const system: SystemPrinter = {
    list: async () => ['XP-58', 'EPSON TM-T82'],
    print: async (job) => {
      if (job.deviceName === 'broken') throw new Error('paper out')
      printed.push(job)
    }
  }
  async function call<T>(channel: string, input?: unknown): Promise<T> {
    const result = await table.invoke(channel, input, meta)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as T
  }
  const issue = () =>
    call<{ ticket: { id: string; number: string }; print: PrintOutcome }>('queue:issue', {
      serviceId: hukou.id,
      lane: 'normal'
    })

  beforeEach(async () => {
    printed.length = 0
    services = await openSignedIn({ systemPrinter: system })
    table = createIpcTable(services, trustOrigins([ORIGIN]))
    hukou = await call('queue:saveService', { prefix: 'A', name: '户籍业务' })
  })
  afterEach(() => services.cleanup())

  it('with no printer the number is only shown', async () => {
    expect(await call('queue:printer')).toEqual({ kind: 'none', paperWidth: '80' })
    expect((await issue()).print).toEqual({ status: 'none', message: null })
  })

  it('prints silently on the chosen system printer; lists the system’s printers', async () => {
    expect(await call('queue:printers')).toEqual(['XP-58', 'EPSON TM-T82'])
    await call('queue:savePrinter', { kind: 'system', paperWidth: '58', deviceName: 'XP-58' })
    const issued = await issue()
    expect(issued.print.status).toBe('printed')
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatchObject({ deviceName: 'XP-58', widthMm: 58 })
    expect(printed[0]!.html).toContain('A001')
    expect(printed[0]!.html).toContain('您前面还有 0 人')
    // A reprint counts those ahead now.
    await issue()
    const second = services.queue.tickets()[1]!
    expect(await call('queue:printSlip', { ticketId: second.id })).toMatchObject({
      status: 'printed'
    })
    expect(printed[2]!.html).toContain('您前面还有 1 人')
  })

  it('prints ESC/POS to a network printer; a dead printer keeps the ticket and says why', async () => {
    const printer = await fakePrinter()
    await call('queue:savePrinter', {
      kind: 'network',
      paperWidth: '80',
      host: '127.0.0.1',
      port: printer.port
    })
    expect((await issue()).print.status).toBe('printed')
    await expect.poll(() => printer.jobs.length).toBe(1)
    expect(decode(printer.jobs[0]!)).toContain('A001')
    await printer.close()
    const failed = await issue()
    expect(failed.ticket.number).toBe('A002')
    expect(failed.print.status).toBe('failed')
    expect(failed.print.message).toMatch(/^号票打印失败（127\.0\.0\.1:\d+）：连接被拒绝$/)
    expect(services.queue.tickets().map((t) => t.number)).toEqual(['A001', 'A002'])
  })

  it('refuses a setting without its printer, and audits a saved one', async () => {
    await expect(
      call('queue:savePrinter', { kind: 'system', paperWidth: '58' })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: '输入有误（deviceName）：请选择打印机' })
    await expect(
      call('queue:savePrinter', { kind: 'network', paperWidth: '58' })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: '输入有误（host）：请填写打印机地址' })
    await expect(
      call('queue:savePrinter', { kind: 'network', paperWidth: '58', host: 'a b;rm' })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await call('queue:printer')).toEqual({ kind: 'none', paperWidth: '80' })
    const saved = await call('queue:savePrinter', {
      kind: 'network',
      paperWidth: '58',
      host: '192.168.1.50',
      deviceName: 'ignored'
    })
    expect(saved).toEqual({ kind: 'network', paperWidth: '58', host: '192.168.1.50', port: 9100 })
    const audits = services.sqlite
      .prepare("SELECT detail FROM audit_log WHERE action = 'queue.printer.update'")
      .all() as { detail: string }[]
    expect(audits.map((a) => JSON.parse(a.detail))).toEqual([saved])
  })

  it('a failing system printer is reported, not thrown', async () => {
    await call('queue:savePrinter', { kind: 'system', paperWidth: '80', deviceName: 'broken' })
    expect((await issue()).print).toEqual({
      status: 'failed',
      message: '号票打印失败：paper out'
    })
  })
})

describe('the hall display setting (this PC only)', () => {
  const ORIGIN = 'app://bianmin'
  const meta = { senderUrl: `${ORIGIN}/index.html` }

  it('is on by default; switched off it is stored, audited and main is told to place the window', async () => {
    let told = 0
    const services = await openSignedIn({ onHallDisplayChange: () => (told += 1) })
    try {
      const table = createIpcTable(services, trustOrigins([ORIGIN]))
      const call = async (channel: string, input?: unknown) => {
        const result = await table.invoke(channel, input, meta)
        if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
        return result.value
      }
      expect(await call('queue:hallDisplay')).toBe('auto')
      expect(await call('queue:setHallDisplay', { mode: 'off' })).toBe('off')
      expect(told).toBe(1)
      expect(services.queue.hallDisplay()).toBe('off')
      const audit = await services.audit.list({
        page: 1,
        pageSize: 5,
        action: 'queue.hallDisplay.update'
      })
      expect(audit.rows.map((row) => JSON.parse(row.detail!))).toEqual([{ mode: 'off' }])
      await expect(call('queue:setHallDisplay', { mode: 'tv' })).rejects.toMatchObject({
        code: 'VALIDATION'
      })
      expect(told).toBe(1)
      expect(services.queue.hallDisplay()).toBe('off')
    } finally {
      services.cleanup()
    }
  })
})
