/**
 * A throwaway PostgreSQL cluster for the station-server tests (issue #15): Debian's server binaries,
 * a temp data folder, loopback TCP on a free port and a temp socket folder. As root, the server
 * runs as the `postgres` user (initdb refuses root). The superuser connects through the socket
 * folder without a password; every other role logs in over TCP with SCRAM, as at a station.
 * Nothing of the packaged `main` cluster is used.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PgClusterInfo {
  host: string
  port: number
  /** The unix-socket folder (the superuser connects there without a password). */
  socketDir: string
  superuser: string
  /** PEM of the CA that signed the server's certificate (CN localhost, SAN 127.0.0.1): TLS is on. */
  caFile: string
}

export interface PgCluster extends PgClusterInfo {
  /** Stops the server (immediate, as a pulled cable or a crash would) and keeps its data. */
  pause(): void
  /** Starts it again on the same port after `pause`. */
  resume(): void
  stop(): void
}

/** The superuser's connection over the socket folder (no password), for setup only. */
export const superuserConnection = (info: PgClusterInfo, database: string) => ({
  host: info.socketDir,
  port: info.port,
  user: info.superuser,
  database
})

/** The newest server in /usr/lib/postgresql/<major>/bin, or undefined when none is installed. */
export function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors.length > 0 ? join(root, majors[0], 'bin') : undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

/** A throwaway CA and a server certificate for localhost / 127.0.0.1 (openssl CLI). */
function makeServerCertificate(base: string, ids: { uid: number; gid: number } | undefined) {
  const dir = join(base, 'tls')
  mkdirSync(dir)
  const file = (name: string) => join(dir, name)
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Bianmin test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem')
  ])
  openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr')
  ])
  writeFileSync(file('san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n')
  openssl([
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('san.ext'),
    '-out',
    file('server.pem')
  ])
  // The server refuses a key others can read.
  chmodSync(file('server.key'), 0o600)
  if (ids) {
    chownSync(dir, ids.uid, ids.gid)
    chownSync(file('server.key'), ids.uid, ids.gid)
    chownSync(file('server.pem'), ids.uid, ids.gid)
  }
  return { caFile: file('ca.pem'), certFile: file('server.pem'), keyFile: file('server.key') }
}

export interface PgClusterOptions {
  /**
   * Leave fsync, synchronous_commit and full_page_writes at PostgreSQL's defaults (benchmarks);
   * by default the cluster trades durability for speed, as tests need no crash safety.
   */
  durable?: boolean
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin()
  if (!bin) {
    throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql (see .ci/run)')
  }
  const ids = postgresIds()
  const base = mkdtempSync(join(tmpdir(), 'bianmin-pg-'))
  chmodSync(base, 0o755)
  if (ids) chownSync(base, ids.uid, ids.gid)
  const data = join(base, 'data')
  const port = await freePort()
  const run = (tool: string, args: string[]): void => {
    const result = spawnSync(join(bin, tool), args, {
      cwd: base,
      encoding: 'utf8',
      uid: ids?.uid,
      gid: ids?.gid,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' }
    })
    if (result.status !== 0) {
      throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`)
    }
  }
  // pg_trgm splits Chinese into trigrams only when LC_CTYPE is UTF-8.
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync'
  ])
  const tls = makeServerCertificate(base, ids)
  const serverOptions = [
    '-c ssl=on',
    `-c ssl_cert_file=${tls.certFile}`,
    `-c ssl_key_file=${tls.keyFile}`,
    `-k ${base}`,
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    ...(options.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200'
  ].join(' ')
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(base, 'server.log'),
      '-o',
      serverOptions,
      'start'
    ])
  start()
  let stopped = false
  return {
    host: '127.0.0.1',
    port,
    socketDir: base,
    superuser: 'postgres',
    caFile: tls.caFile,
    pause() {
      run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop'])
    },
    resume() {
      start()
    },
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop'])
      } catch {
        // Already stopped (paused).
      } finally {
        rmSync(base, { recursive: true, force: true })
      }
    }
  }
}
