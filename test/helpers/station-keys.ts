/** The station key in tests (src/main/station/station-key.ts, transcode.ts). */
import type pg from 'pg'
import type { DataCipher } from '../../src/main/crypto/cipher'
import type { KeyVault } from '../../src/main/keys/key-vault'
import { readServerKey, unwrapStationKey } from '../../src/main/station/station-key'
import { createTranscoder, stationKeySide } from '../../src/main/station/transcode'

/** The passphrase the tests' first PC sets (at least 12 characters). */
export const STATION_PASSPHRASE = '月坛派出所本所密钥2026'

/** A fixed station key for tests that upload without the station service. */
export const TEST_STATION_KEY = Buffer.alloc(32, 0x5a)

/** A PC's recoding to the station key. */
export const stationTranscoder = (
  pc: { cipher: DataCipher; keys: Pick<KeyVault, 'key'> },
  stationKey: Buffer = TEST_STATION_KEY
) =>
  createTranscoder(
    { cipher: pc.cipher, chainKey: pc.keys.key('audit-chain') },
    stationKeySide(stationKey)
  )

/** The key the station's first PC left on the server, unwrapped with the tests' passphrase. */
export async function serverStationKey(
  client: pg.ClientBase,
  passphrase = STATION_PASSPHRASE
): Promise<Buffer> {
  const wrapped = await readServerKey(client)
  if (!wrapped) throw new Error('no station key on the server')
  return unwrapStationKey(wrapped, passphrase)
}
