/**
 * `npm run bench [-- name …]`: runs the named benchmarks (all when none is named). Each prints
 * its table, with its baselines measured in the same run, and writes bench/out/<name>.json.
 */
const benches: Record<string, () => Promise<void>> = {
  calendar: async () => (await import('./calendar')).runCalendarBench(),
  address: async () => (await import('./address')).runAddressBench(),
  photo: async () => (await import('./photo')).runPhotoBench(),
  forms: async () => (await import('./forms')).runFormsBench(),
  staff: async () => (await import('./staff')).runStaffBench(),
  queue: async () => (await import('./queue')).runQueueBench(),
  signin: async () => (await import('./signin')).runSigninBench(),
  station: async () => (await import('./station')).runStationBench(),
  'station-audit': async () => (await import('./station-audit')).runStationAuditBench()
}

const requested = process.argv.slice(2)
const unknown = requested.filter((name) => !(name in benches))
if (unknown.length) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benches).join(', ')}`
  )
  process.exit(2)
}
for (const name of requested.length ? requested : Object.keys(benches)) {
  console.log(`\n=== ${name} ===`)
  await benches[name]!()
}
export {}
