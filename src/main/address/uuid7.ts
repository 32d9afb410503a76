import { randomUUID } from 'node:crypto'

/** Rows per import a sequence can number (the counter's 26 bits). */
const COUNTER_LIMIT = 1 << 26

/**
 * UUIDv7 ids (RFC 9562) for the rows of one import: the 48-bit Unix-millisecond time of the
 * import, a counter (method 1: 12 bits of rand_a and 14 of rand_b) and 48 random bits. The ids of
 * an import ascend, so a million of them append to the primary-key B-tree instead of landing on
 * random pages of it (random v4 ids made the import slow down as the table grew).
 */
export function uuidV7Sequence(unixMs: number): () => string {
  const time = unixMs.toString(16).padStart(12, '0').slice(-12)
  let counter = 0
  return () => {
    if (counter >= COUNTER_LIMIT) throw new Error('uuidV7Sequence: counter exhausted')
    const high = (counter >>> 14).toString(16).padStart(3, '0')
    const low = (0x8000 | (counter & 0x3fff)).toString(16)
    counter += 1
    return `${time.slice(0, 8)}-${time.slice(8)}-7${high}-${low}-${randomUUID().slice(24)}`
  }
}
