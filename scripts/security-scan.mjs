#!/usr/bin/env node
// Security gate: runs Electronegativity (@doyensec/electronegativity) over the
// Electron sources and fails on HIGH/MEDIUM findings that are not justified.
//
//   node scripts/security-scan.mjs [--root DIR]      (default DIR: <repo>/src)
//
// Equivalent CLI invocation (the script uses the package's programmatic API
// instead, see "Why not the CLI" below):
//   electronegativity -i <DIR> -e <installed electron version> \
//                     -x AvailableSecurityFixesGlobalCheck
//
// Justifying a finding: put a comment on the finding's line, or on the line
// directly above it:
//   // electronegativity-justified: CHECK_ID — reason why this is acceptable
// (also accepted: `/* ... */`, `{/* ... */}` in TSX and `<!-- ... -->` in HTML;
// several IDs may be listed comma-separated; the separator before the reason
// may be an em/en dash, `-`, `--` or `:`; the reason must be non-empty.)
// Global findings (CSP_GLOBAL_CHECK "no CSP", LIMIT_NAVIGATION_GLOBAL_CHECK,
// PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK, ...) have no file/line; they are
// justified by such a comment naming the check anywhere in the scanned tree.
//
// Policy:
//   * HIGH/MEDIUM and not justified          -> exit 1
//   * LOW/INFORMATIONAL                      -> listed only
//   * NODE_INTEGRATION_JS_CHECK is reported by Electronegativity as
//     INFORMATIONAL when `nodeIntegration: true` (or a non-literal value) is
//     written explicitly; this script escalates it to HIGH (marked "HIGH*").
//   * Any file Electronegativity fails to parse/analyse  -> exit 1
//     (with `-o`, the CLI silently drops these errors and still exits 0).
//   * Electronegativity's own `eng-disable` comments silently suppress
//     findings without a reason; they are rejected here        -> exit 1
//
// Why not the CLI: it always exits 0; its SARIF output carries no severity;
// its CSV writer races (header and rows are written by two concurrent async
// fs.writeFile calls); and with `-o` parse errors are not reported at all.
// The programmatic API returns { errors, issues } with severities.
//
// AvailableSecurityFixesGlobalCheck is excluded: it downloads Electron's
// release list from GitHub on every run and only acts on a package.json,
// which is not under src/. Its translation download from S3 is stubbed out
// (see below), so the scan makes no network requests.

import Module, { createRequire } from 'node:module'
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(repoRoot, 'package.json'))

const SEVERITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 }
const FAILING = new Set(['HIGH', 'MEDIUM'])
const ESCALATE = { NODE_INTEGRATION_JS_CHECK: 'HIGH' }
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']
const SCANNED_EXT = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm'])
// Source files Electronegativity silently ignores (it only reads the extensions above).
const UNSCANNED_EXT = new Set(['.mjs', '.cjs', '.mts', '.cts'])
const JUSTIFY_MARK = 'electronegativity-justified'
// <ids> <sep> <reason>; the reason may end with a block/HTML comment closer.
const JUSTIFY_RE =
  /electronegativity-justified\s*:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*(?:—|–|--|-|:)\s*(.*)$/

// ---------------------------------------------------------------- args ----
function usage(code) {
  console.log('usage: node scripts/security-scan.mjs [--root DIR]')
  process.exit(code)
}
let root = path.join(repoRoot, 'src')
const argv = process.argv.slice(2)
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--root') {
    if (!argv[i + 1]) usage(2)
    root = path.resolve(argv[++i])
  } else if (a.startsWith('--root=')) {
    root = path.resolve(a.slice('--root='.length))
  } else if (a === '-h' || a === '--help') {
    usage(0)
  } else {
    console.error(`security: unknown argument ${a}`)
    usage(2)
  }
}

function die(msg) {
  console.error(`security: ERROR: ${msg}`)
  console.log('security: scan failed')
  process.exit(1)
}

if (!existsSync(root) || !statSync(root).isDirectory()) die(`--root ${root} is not a directory`)

// ------------------------------------------------------ electron version --
let electronVersion
try {
  electronVersion = require('electron/package.json').version
} catch {
  die(
    'cannot read node_modules/electron/package.json (is electron installed?). ' +
      'Without it Electronegativity assumes Electron 0.1.0 defaults.'
  )
}

// ------------------------------------------------------ files & comments --
const files = []
const unscanned = []
function walk(dir) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.name === 'node_modules') continue
    const p = path.join(dir, ent.name)
    const ext = path.extname(ent.name).toLowerCase()
    if (ent.isDirectory()) walk(p)
    else if (SCANNED_EXT.has(ext)) files.push(p)
    else if (UNSCANNED_EXT.has(ext)) unscanned.push(p)
  }
}
walk(root)
const fileLines = new Map() // abs path -> string[]
const linesOf = (abs) => {
  if (!fileLines.has(abs)) {
    try {
      fileLines.set(abs, readFileSync(abs, 'utf8').split(/\r?\n/))
    } catch {
      fileLines.set(abs, [])
    }
  }
  return fileLines.get(abs)
}
const rel = (abs) => {
  const r = path.relative(process.cwd(), abs)
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : abs
}

/** All justification comments: {file, line, ids[], reason, ok, used} */
const justifications = []
const engDisables = []
for (const f of files) {
  linesOf(f).forEach((text, idx) => {
    if (/\beng-disable\b/.test(text))
      engDisables.push({ file: f, line: idx + 1, text: text.trim() })
    if (!text.includes(JUSTIFY_MARK)) return
    const m = JUSTIFY_RE.exec(text)
    const reason = m ? m[2].replace(/\s*(\*\/\s*\}?|-->)\s*$/, '').trim() : ''
    justifications.push({
      file: f,
      line: idx + 1,
      ids: m ? m[1].split(',').map((s) => s.trim()) : [],
      reason,
      ok: Boolean(m && reason),
      used: false
    })
  })
}
const justificationsAt = (file, line) =>
  justifications.filter((j) => j.file === file && j.line === line)

// --------------------------------------------------------------- run -----
// Keep the scan hermetic: Electronegativity's only network use left (with
// AvailableSecurityFixesGlobalCheck excluded) is fetching translations from S3
// at startup (1 s timeout + retries, ~3 s offline). Pre-seed the module cache
// with a `got` stub that fails at once; it then uses its bundled en-US strings.
try {
  const egRequire = createRequire(
    require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')
  )
  const gotPath = egRequire.resolve('got')
  const offline = () => Promise.reject(new Error('network disabled by security-scan'))
  offline.head = offline
  const stub = new Module(gotPath)
  Object.assign(stub, { filename: gotPath, loaded: true, exports: offline })
  egRequire.cache[gotPath] = stub
} catch {
  // not fatal: Electronegativity will just try the network
}
const runElectronegativity = require('@doyensec/electronegativity')
const egVersion = require('@doyensec/electronegativity/package.json').version

const captured = []
const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error }
for (const k of Object.keys(saved)) console[k] = (...a) => captured.push(a.map(String).join(' '))
let result
try {
  process.env.LANG = 'en-US' // i18n uses $LANG as locale; unknown locales give raw message keys
  result = await runElectronegativity({
    input: root,
    isRelative: false,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    // NB: the README documents `electronVersion`, but runner.js reads `electronVersionOverride`.
    electronVersionOverride: electronVersion,
    parserPlugins: []
  })
} catch (err) {
  Object.assign(console, saved)
  die(`electronegativity crashed: ${err?.stack ?? err}`)
} finally {
  Object.assign(console, saved)
}
const noise = /Could not retrieve updated translations/
for (const line of captured) if (!noise.test(line)) console.error(`electronegativity: ${line}`)

// ---------------------------------------------------------- findings -----
const findings = result.issues.map((iss) => {
  const reported = iss.severity?.name ?? String(iss.severity)
  const severity =
    ESCALATE[iss.id] && SEVERITY_RANK[ESCALATE[iss.id]] > SEVERITY_RANK[reported]
      ? ESCALATE[iss.id]
      : reported
  const hasFile = iss.file && iss.file !== 'N/A'
  const file = hasFile ? path.resolve(root, iss.file) : null
  const line = iss.location?.line ?? 0
  let justifiedBy = null
  if (file && line > 0) {
    for (const l of [line, line - 1]) {
      const j = justificationsAt(file, l).find((c) => c.ok && c.ids.includes(iss.id))
      if (j) {
        justifiedBy = j
        break
      }
    }
  } else {
    justifiedBy = justifications.find((c) => c.ok && c.ids.includes(iss.id)) ?? null
  }
  if (justifiedBy) justifiedBy.used = true
  return {
    id: iss.id,
    severity,
    escalated: severity !== reported,
    file,
    line,
    column: iss.location?.column ?? 0,
    where: file ? `${rel(file)}:${line}` : '(global)',
    description: iss.description,
    justifiedBy
  }
})
findings.sort(
  (a, b) =>
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.where.localeCompare(b.where, undefined, { numeric: true }) ||
    a.id.localeCompare(b.id)
)

const unjustified = findings.filter((f) => FAILING.has(f.severity) && !f.justifiedBy)
const parseErrors = result.errors.filter((e) => !e.tolerable)
const parseWarnings = result.errors.filter((e) => e.tolerable)

// ------------------------------------------------------------ report -----
const counts = {}
for (const f of files) {
  const e = path.extname(f).slice(1).toLowerCase()
  counts[e] = (counts[e] ?? 0) + 1
}
console.log(
  `security: electronegativity ${egVersion}, electron ${electronVersion}, root ${rel(root)}, ` +
    `${files.length} files (${
      Object.entries(counts)
        .map(([e, n]) => `${n} .${e}`)
        .join(', ') || 'none'
    })`
)

if (findings.length) {
  const rows = findings.map((f) => [
    f.severity + (f.escalated ? '*' : ''),
    f.id,
    f.where,
    f.justifiedBy
      ? `yes (${rel(f.justifiedBy.file)}:${f.justifiedBy.line})`
      : FAILING.has(f.severity)
        ? 'NO'
        : '-'
  ])
  const head = ['SEVERITY', 'CHECK', 'LOCATION', 'JUSTIFIED']
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const fmt = (r) =>
    r
      .map((c, i) => c.padEnd(w[i]))
      .join('  ')
      .trimEnd()
  console.log(fmt(head))
  console.log(fmt(w.map((n) => '-'.repeat(n))))
  for (const r of rows) console.log(fmt(r))
  if (findings.some((f) => f.escalated))
    console.log('* escalated by this script (Electronegativity reports INFORMATIONAL)')
}

if (unjustified.length) {
  console.log('\nUnjustified HIGH/MEDIUM findings:')
  for (const f of unjustified)
    console.log(
      `  ${f.where}  ${f.id}: ${f.description}\n    https://github.com/doyensec/electronegativity/wiki/${f.id}`
    )
  console.log(`  To accept one, add beside the code: // ${JUSTIFY_MARK}: CHECK_ID — reason`)
}

const malformed = justifications.filter((j) => !j.ok)
for (const j of malformed)
  console.log(
    `security: warning: malformed justification (need "${JUSTIFY_MARK}: CHECK_ID — reason") at ${rel(j.file)}:${j.line}`
  )
for (const j of justifications.filter((c) => c.ok && !c.used))
  console.log(
    `security: warning: unused justification for ${j.ids.join(', ')} at ${rel(j.file)}:${j.line}`
  )
for (const e of parseWarnings)
  console.log(`security: warning: ${rel(e.file)} parsed with recoverable errors: ${e.message}`)

let fatal = false
if (parseErrors.length) {
  fatal = true
  console.log(
    `\nsecurity: ERROR: electronegativity could not analyse ${parseErrors.length} file(s); ` +
      'findings for them are MISSING:'
  )
  for (const e of parseErrors) console.log(`  ${rel(e.file)}: ${e.message}`)
}
if (unscanned.length) {
  fatal = true
  console.log(
    '\nsecurity: ERROR: Electronegativity does not read .mjs/.cjs/.mts/.cts files; ' +
      'these would go unchecked (use .ts/.js):'
  )
  for (const f of unscanned) console.log(`  ${rel(f)}`)
}
if (engDisables.length) {
  fatal = true
  console.log(
    '\nsecurity: ERROR: `eng-disable` directives suppress findings without a reason; ' +
      `use "// ${JUSTIFY_MARK}: CHECK_ID — reason" instead:`
  )
  for (const d of engDisables) console.log(`  ${rel(d.file)}:${d.line}: ${d.text}`)
}

console.log(
  `security: ${findings.length} findings, ${unjustified.length} high/medium unjustified` +
    (parseErrors.length ? `, ${parseErrors.length} files failed to parse` : '') +
    (unscanned.length ? `, ${unscanned.length} unscannable files` : '') +
    (engDisables.length ? `, ${engDisables.length} eng-disable directives` : '')
)
process.exit(unjustified.length || fatal ? 1 : 0)
