/**
 * `npm start`: checks for the Electron binary (one clear line when it is missing), builds the
 * Electron copy of better-sqlite3 if needed, then builds and opens the app.
 * `npm run dev` does the same with electron-vite's dev server.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronBinding, electronVersion } from './electron-native.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const electronDir = join(root, 'node_modules', 'electron')

function electronBinaryPresent() {
  const pathFile = join(electronDir, 'path.txt')
  return (
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
  )
}

function fail(line) {
  console.error(line)
  process.exit(1)
}

if (!existsSync(electronDir)) fail('便民窗口工作站：未安装 Electron，请先运行 npm install。')
if (!electronBinaryPresent()) {
  // Electron ≥ 42 downloads its binary on first launch; do it here, quietly, and say so in one line if it cannot.
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8'
  })
  if (install.status !== 0 || !electronBinaryPresent()) {
    fail(
      `便民窗口工作站：无法下载 Electron ${electronVersion(root)} 程序（本机可能无法访问下载地址），窗口无法打开。测试可运行 npm test。 / Electron binary missing and could not be downloaded.`
    )
  }
}

try {
  ensureElectronBinding(root)
} catch (error) {
  fail(`便民窗口工作站：无法为 Electron 编译 better-sqlite3（${error.message}）。`)
}

const dev = process.argv.includes('--dev')
// Anything else (e.g. --data-dir D) goes to the app.
const appArgs = process.argv.slice(2).filter((arg) => arg !== '--dev')
const command = [
  'electron-vite',
  dev ? 'dev' : 'preview',
  ...(appArgs.length ? ['--', ...appArgs] : [])
]
const result = spawnSync('npx', command, {
  cwd: root,
  stdio: 'inherit'
})
process.exit(result.status ?? 1)
