import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { DATA_DIR_ENV, resolveDataDir, resolveInside } from '../../../src/main/paths'
import { trustOrigins } from '../../../src/main/ipc/handlers'

describe('resolveInside (the app:// file server)', () => {
  const root = '/opt/bianmin/out/renderer'
  it.each([
    ['/index.html', join(root, 'index.html')],
    ['/assets/index-abc.js', join(root, 'assets/index-abc.js')],
    ['/assets/../index.html', join(root, 'index.html')]
  ])('serves %s', (path, expected) => {
    expect(resolveInside(root, path)).toBe(expected)
  })

  it.each([
    '/../main/index.js',
    '/..%2f..%2fetc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%00.js',
    '/%E0%A4%A'
  ])('refuses %s', (path) => {
    expect(resolveInside(root, path)).toBeNull()
  })
})

describe('resolveDataDir', () => {
  it('takes --data-dir first, then the environment, then the default', () => {
    expect(resolveDataDir(['db:check', '--data-dir', 'x/y'], {})).toBe(resolve('x/y'))
    expect(resolveDataDir(['--data-dir=/srv/bm'], { [DATA_DIR_ENV]: '/env' })).toBe('/srv/bm')
    expect(resolveDataDir([], { [DATA_DIR_ENV]: '/env/dir' })).toBe('/env/dir')
    expect(resolveDataDir([], {})).toMatch(/bianmin-desk$/)
  })
})

describe('trustOrigins (the IPC sender check)', () => {
  const trusted = trustOrigins(['app://bianmin', 'http://localhost:5173'])
  it.each([
    ['app://bianmin/index.html', true],
    ['app://bianmin/settings#x', true],
    ['http://localhost:5173/', true],
    ['app://bianmin.evil/index.html', false],
    ['app://evil/index.html', false],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['file:///opt/bianmin/out/renderer/index.html', false],
    ['not a url', false],
    [undefined, false]
  ])('%s → %s', (url, expected) => {
    expect(trusted(url)).toBe(expected)
  })
})
