/**
 * A compact set of row keys for duplicate detection during a bulk import: a 32-bit hash and the
 * rowid per slot in typed arrays (12 bytes a slot, no strings kept). A hash hit is confirmed by
 * the caller reading the row's real key by rowid, so collisions never report a false duplicate.
 */
export class KeySet {
  private hashes: Uint32Array
  private rowids: Float64Array
  private size = 0

  constructor(capacity = 1 << 16) {
    const slots = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)))
    this.hashes = new Uint32Array(slots)
    this.rowids = new Float64Array(slots)
  }

  /** FNV-1a over UTF-16 units; 0 is reserved for an empty slot. */
  static hash(key: string): number {
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    return h >>> 0 || 1
  }

  /** The rowid of a stored key equal to `key` (`same` confirms a candidate), or null. */
  find(key: string, same: (rowid: number) => boolean): number | null {
    const h = KeySet.hash(key)
    const mask = this.hashes.length - 1
    for (let i = h & mask; this.hashes[i] !== 0; i = (i + 1) & mask)
      if (this.hashes[i] === h && same(this.rowids[i]!)) return this.rowids[i]!
    return null
  }

  add(key: string, rowid: number) {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow()
    this.put(KeySet.hash(key), rowid)
    this.size += 1
  }

  private put(h: number, rowid: number) {
    const mask = this.hashes.length - 1
    let i = h & mask
    while (this.hashes[i] !== 0) i = (i + 1) & mask
    this.hashes[i] = h
    this.rowids[i] = rowid
  }

  private grow() {
    const { hashes, rowids } = this
    this.hashes = new Uint32Array(hashes.length * 2)
    this.rowids = new Float64Array(rowids.length * 2)
    for (let i = 0; i < hashes.length; i++) if (hashes[i] !== 0) this.put(hashes[i]!, rowids[i]!)
  }
}
