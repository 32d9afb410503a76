import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A loopback TCP proxy to a port: one PC's network cable, to unplug (`cut`) and plug back in
 * (`restore`) while the server and the other PCs keep running.
 */
export async function startTcpProxy(targetPort: number) {
  const sockets = new Set<Socket>()
  let server: Server | null = null
  let port = 0

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1')
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => undefined)
        }
        client.pipe(upstream).pipe(client)
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port
        server = next
        resolve()
      })
    })

  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      if (!server) return resolve()
      server.close(() => resolve())
      server = null
    })

  await listen()
  return {
    get port() {
      return port
    },
    cut,
    restore: listen,
    close: cut
  }
}
