/**
 * Builds an Electron-ABI copy of better-sqlite3 into .native/electron-<version>/ for `npm start`,
 * leaving node_modules (Node's build, used by the tests and the CLI) untouched. Main passes the
 * copy to better-sqlite3 as `nativeBinding`. Runs once per Electron version.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
}

export const electronBinding = (root, version) =>
  join(root, '.native', `electron-${version}`, 'better_sqlite3.node')

const nodeGyp = (args) =>
  process.env.npm_config_node_gyp
    ? [process.execPath, [process.env.npm_config_node_gyp, ...args]]
    : ['npx', ['--yes', 'node-gyp', ...args]]

export function ensureElectronBinding(root) {
  const version = electronVersion(root)
  const target = electronBinding(root, version)
  if (existsSync(target)) return target
  const source = dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }))
  const work = join(root, '.native', 'build', 'better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.startsWith(join(source, 'build'))
  })
  const run = (command, args) =>
    spawnSync(command, args, { cwd: work, stdio: 'inherit' }).status === 0
  const prebuilt = run(process.execPath, [
    require.resolve('prebuild-install/bin.js', { paths: [source] }),
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${process.arch}`
  ])
  const built =
    prebuilt ||
    // npm runs scripts with the path of its bundled node-gyp in npm_config_node_gyp.
    run(
      ...nodeGyp([
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers'
      ])
    )
  const output = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (!built || !existsSync(output)) {
    throw new Error(`Could not build better-sqlite3 for Electron ${version}`)
  }
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(output, target)
  rmSync(join(root, '.native', 'build'), { recursive: true, force: true })
  return target
}
