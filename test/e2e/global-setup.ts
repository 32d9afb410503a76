import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { repoRoot } from '../helpers/services'

export const bridgeBundle = join(repoRoot, 'test/.tmp/bridge-preload.js')

/** Builds the app (as `npm run build` does) and the test bridge once per run. */
export default async function setup() {
  if (!process.env.E2E_SKIP_BUILD) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
  }
  mkdirSync(join(repoRoot, 'test/.tmp'), { recursive: true })
  await build({
    entryPoints: [join(repoRoot, 'test/e2e/bridge-preload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: bridgeBundle,
    logLevel: 'warning'
  })
}
