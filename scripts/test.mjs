/**
 * `npm test`: type-check (Node and web), lint, the Electronegativity scan, then unit and e2e tests
 * (Vitest; the e2e project builds the app and drives it in Debian's Chromium). Every step runs
 * even when an earlier one fails; the last line counts checks and tests together.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const report = join(root, 'test/.tmp/vitest-report.json')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const steps = [
  ['typecheck (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['security scan', process.execPath, ['scripts/security-scan.mjs']]
]

let stepsPassed = 0
let stepsFailed = 0
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`)
  const ok = spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0
  console.log(ok ? `✓ ${name}` : `✗ ${name} failed`)
  if (ok) stepsPassed += 1
  else stepsFailed += 1
}

if (!existsSync(chromium)) {
  console.error(
    `✗ Chromium not found at ${chromium}: the e2e tests need Debian's chromium package (see .ci/run).`
  )
  stepsFailed += 1
}

console.log('\n▶ unit and e2e tests')
rmSync(report, { force: true })
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { cwd: root, stdio: 'inherit' }
)
let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
  skipped = results.numPendingTests + results.numTodoTests
  // A suite that failed to load counts as a failure even if no test inside it ran.
  failed += results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0
  ).length
} else {
  failed += 1
}
if (vitest.status !== 0 && failed === 0) failed = 1

const totalFailed = failed + stepsFailed
console.log(`\n${steps.length} checks: ${stepsPassed} passed, ${stepsFailed} failed`)
console.log(`summary: ${passed + stepsPassed} passed, ${totalFailed} failed, ${skipped} skipped`)
process.exit(totalFailed === 0 ? 0 : 1)
