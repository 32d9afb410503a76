// Sign-in benchmark: a wrong password for an account against one for an unknown user name,
// interleaved, 40 runs each. The unknown name is checked against a dummy hash, so both cost one
// scrypt derivation and a user name cannot be probed by the answer's time (target: the unknown
// name's median within 20 % of the account's). Baseline in the same run: a lookup of the unknown
// name alone, what the answer would cost without the dummy hash. Writes bench/out/signin.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { addClerk, openSignedIn } from '../test/helpers/services'
import { percentile, round } from './stats'

const ROOT = path.resolve(import.meta.dirname, '..')
const RUNS = 40
const TARGET_RATIO = 0.2

const summary = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95))
})

export async function runSigninBench() {
  const services = await openSignedIn()
  try {
    await addClerk(services)
    const clearCounters = services.sqlite.prepare(
      'UPDATE operators SET failed_attempts = 0, locked_until = NULL'
    )
    const lookup = services.sqlite.prepare('SELECT id FROM operators WHERE username = ?')
    const wrong = async (username: string) => {
      const start = performance.now()
      await services.auth.signIn({ username, password: 'wrong' }).catch(() => undefined)
      return performance.now() - start
    }
    const known: number[] = []
    const unknown: number[] = []
    const lookupOnly: number[] = []
    await wrong('li')
    await wrong('nobody')
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, so machine load falls on both alike; no run reaches a lockout (5 failures).
      clearCounters.run()
      known.push(await wrong('li'))
      unknown.push(await wrong(`nobody${i}`))
      const start = performance.now()
      lookup.get(`nobody${i}`)
      lookupOnly.push(performance.now() - start)
    }
    const ratio = percentile(unknown, 50) / percentile(known, 50)
    const result = {
      runs: RUNS,
      knownWrongMs: summary(known),
      unknownWrongMs: summary(unknown),
      baselineLookupOnlyMs: summary(lookupOnly),
      medianRatio: Math.round(ratio * 1000) / 1000,
      target: { ratioWithin: TARGET_RATIO },
      meetsTarget: Math.abs(ratio - 1) <= TARGET_RATIO
    }
    console.table({
      'wrong password, account': { ...summary(known), target: '' },
      'wrong password, unknown name': {
        ...summary(unknown),
        target: `median within ${TARGET_RATIO * 100} % (${result.medianRatio}×)`
      },
      'baseline: the unknown name looked up only': { ...summary(lookupOnly), target: '' }
    })
    console.log(`meets target: ${result.meetsTarget}`)
    mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true })
    writeFileSync(path.join(ROOT, 'bench/out/signin.json'), JSON.stringify(result, null, 2) + '\n')
  } finally {
    services.cleanup()
  }
}
