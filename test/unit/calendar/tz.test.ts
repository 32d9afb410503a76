// Results must not depend on the machine's time zone. The module never uses Date; this test runs
// the probe in child processes under several TZ values (incl. one with DST) and compares.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './hko'
import { digest } from './tz-probe'

describe('time-zone independence', () => {
  const expected = digest()
  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s', (tz) => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'test/unit/calendar/tz-probe.ts')],
      { cwd: REPO_ROOT, env: { ...process.env, TZ: tz }, encoding: 'utf8' }
    )
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe(expected)
  })
})
