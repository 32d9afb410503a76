import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot, tempDir } from '../../helpers/services'

const cli = (args: string[], cwd: string) => {
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [join(repoRoot, 'src/main/cli/index.ts'), ...args],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: cwd } }
  )
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('npm run cli -- guide', () => {
  it('searches, writes a checklist where the caller stands, and refuses bad codes', () => {
    const dir = tempDir()
    try {
      const search = cli(['guide', 'search', '出生', '--data-dir', dir], dir)
      expect(search.code).toBe(0)
      expect(search.out.split('\n')[0]).toMatch(/^HK-BIRTH\s+户口 \/ 出生登记$/)
      const list = cli(
        [
          'guide',
          'checklist',
          'HK-OUT',
          '--out',
          'checklist.pdf',
          '--condition',
          '他人代办',
          '--data-dir',
          dir
        ],
        dir
      )
      expect(list.code).toBe(0)
      expect(list.out).toContain('委托书及代办人居民身份证（他人代办）')
      expect(existsSync(join(dir, 'checklist.pdf'))).toBe(true)
      const bad = cli(['guide', 'checklist', 'NOPE', '--out', 'x.pdf', '--data-dir', dir], dir)
      expect(bad.code).toBe(1)
      expect(bad.err).toContain('找不到业务“NOPE”')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
