/** Parts of a station round run alone, to place a clerk's change or a kill between them. */
import type Database from 'better-sqlite3'
import type { Services } from '../../src/main/services'
import { downloadFeed } from '../../src/main/station/downloader'
import { createTranscoder, stationKeySide } from '../../src/main/station/transcode'
import { uploadOutbox } from '../../src/main/station/uploader'
import { roleClient, WINDOW } from './pg-test'
import { serverStationKey } from './station-keys'

type Pc = Pick<Services, 'sqlite' | 'db' | 'deviceId' | 'cipher' | 'keys' | 'address'>

const localSide = (pc: Pc) => ({ cipher: pc.cipher, chainKey: pc.keys.key('audit-chain') })

/** A round's download alone, as the window role (a change saved meanwhile is still queued). */
export async function downloadAlone(pc: Pc, database: string): Promise<void> {
  const client = await roleClient(WINDOW, database)
  try {
    await downloadFeed({
      sqlite: pc.sqlite,
      db: pc.db,
      server: client,
      deviceId: pc.deviceId,
      transcoder: createTranscoder(stationKeySide(await serverStationKey(client)), localSide(pc)),
      addresses: pc.address.station,
      at: new Date().toISOString()
    })
  } finally {
    await client.end()
  }
}

/** This PC's database as a kill -9 right after the server's COMMIT leaves it: no note is taken. */
export const killedAfterCommit = (sqlite: Database.Database): Database.Database =>
  new Proxy(sqlite, {
    get(target, property) {
      if (property === 'transaction') {
        return () => () => {
          throw new Error('killed after the server committed')
        }
      }
      const value = Reflect.get(target, property) as unknown
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value
    }
  })

/** A round's upload alone, killed after the server committed its first batch. */
export async function uploadKilledAfterCommit(pc: Pc, database: string): Promise<void> {
  const client = await roleClient(WINDOW, database)
  try {
    await uploadOutbox({
      sqlite: killedAfterCommit(pc.sqlite),
      db: pc.db,
      server: client,
      deviceId: pc.deviceId,
      now: () => new Date(),
      transcoder: createTranscoder(localSide(pc), stationKeySide(await serverStationKey(client))),
      addresses: pc.address.station
    })
  } finally {
    await client.end()
  }
}
