import { homedir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'

export const DATA_DIR_ENV = 'BIANMIN_DATA_DIR'

/** The per-user data folder, the same for the app and the CLI. */
export function defaultDataDir(): string {
  const home = homedir()
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'bianmin-desk')
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'bianmin-desk')
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'bianmin-desk')
}

/** `--data-dir D` or `--data-dir=D`, then the environment variable, then the default. */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]!)
    if (arg.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length))
  }
  return env[DATA_DIR_ENV] ? resolve(env[DATA_DIR_ENV]) : defaultDataDir()
}

export const dataPaths = (dataDir: string) => ({
  dataDir,
  databasePath: join(dataDir, 'bianmin.sqlite'),
  backupDir: join(dataDir, 'backups'),
  exportDir: join(dataDir, 'exports'),
  logDir: join(dataDir, 'logs'),
  photoDir: join(dataDir, 'photos'),
  /** Signed checkpoints of the audit chain (src/main/audit/checkpoints.ts). */
  checkpointFile: join(dataDir, 'audit-checkpoints.log')
})

/** Resolves a URL path inside `root`, or null when it would walk out of it. */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const target = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const inside = relative(root, target)
  return inside.startsWith('..') || isAbsolute(inside) ? null : target
}
