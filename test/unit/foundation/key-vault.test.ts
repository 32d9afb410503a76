import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  defaultKeyFile,
  defaultKeyStorage,
  envKeyStorage,
  fileKeyStorage,
  openKeyVault,
  type KeyStorage
} from '../../../src/main/keys/key-vault'
import { openTestServices, tempDir } from '../../helpers/services'

const HEX_KEY = 'ab'.repeat(32)

describe('the data key', () => {
  it('is created once in a 0600 key file inside a 0700 folder, and read back the same', () => {
    const dir = tempDir()
    const file = join(dir, 'keys', 'data.key')
    const first = openKeyVault({ storage: fileKeyStorage(file), expectedFingerprint: null })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700)
    const again = openKeyVault({
      storage: fileKeyStorage(file),
      expectedFingerprint: first.fingerprint
    })
    expect(again.key('field-cipher').equals(first.key('field-cipher'))).toBe(true)
    rmSync(dir, { recursive: true, force: true })
  })

  it('derives a different 32-byte key per purpose, none equal to the stored key', () => {
    const vault = openKeyVault({
      storage: envKeyStorage({ BIANMIN_DATA_KEY: HEX_KEY })!,
      expectedFingerprint: null
    })
    const purposes = ['field-cipher', 'blind-index', 'photo-cipher', 'audit-chain'] as const
    const keys = purposes.map((purpose) => vault.key(purpose).toString('hex'))
    expect(new Set(keys).size).toBe(purposes.length)
    for (const key of keys) {
      expect(key).toHaveLength(64)
      expect(key).not.toBe(HEX_KEY)
    }
  })

  it('refuses a malformed key in the environment with the reason', () => {
    const storage = envKeyStorage({ BIANMIN_DATA_KEY: 'short' })!
    expect(() => openKeyVault({ storage, expectedFingerprint: null })).toThrow(/32 字节/)
  })

  it('prefers the environment variable, then BIANMIN_KEY_FILE, then the default file', () => {
    expect(defaultKeyStorage('/d', { BIANMIN_DATA_KEY: HEX_KEY }).description).toMatch(/环境变量/)
    expect(defaultKeyStorage('/d', { BIANMIN_KEY_FILE: '/k/x.key' }).description).toContain(
      '/k/x.key'
    )
    expect(defaultKeyStorage('/d', {}).description).toContain(defaultKeyFile('/d'))
  })

  it('explains a lost key instead of starting over with a new one', () => {
    const missing: KeyStorage = { description: '测试存储', read: () => null, write: () => {} }
    expect(() => openKeyVault({ storage: missing, expectedFingerprint: 'f'.repeat(64) })).toThrow(
      /找不到此数据库的数据密钥/
    )
  })

  it('tells a wrong key apart from the one the data was written with', async () => {
    const services = await openTestServices()
    const { dataDir } = services.paths
    const fingerprint = services.keys.fingerprint
    services.close()
    const file = defaultKeyFile(dataDir)
    expect(existsSync(file)).toBe(true)
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, `${'cd'.repeat(32)}\n`)
    await expect(openTestServices({ dataDir })).rejects.toThrow(/与此数据库不符/)
    rmSync(file)
    await expect(openTestServices({ dataDir })).rejects.toThrow(/找不到此数据库的数据密钥/)
    writeFileSync(file, original)
    const reopened = await openTestServices({ dataDir })
    expect(reopened.keys.fingerprint).toBe(fingerprint)
    reopened.cleanup()
  })
})
