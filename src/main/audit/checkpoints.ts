import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
import { join } from 'node:path'

/**
 * Signed checkpoints of the audit chain, one JSON line each, appended to a file beside the
 * database (`<data>/audit-checkpoints.log`, 0600) and copied beside each backup. A line holds the
 * head (seq and hash), the row count, the time, the device, the previous line's mac, and an
 * HMAC-SHA256 of all of it under a key the database does not hold. A log cut back below a
 * checkpoint, or re-chained under it, no longer matches; an edited line no longer verifies.
 * The file is only ever appended to: a checkpoint that contradicts the last one is not written.
 */
export interface Checkpoint {
  v: 1
  seq: number
  count: number
  head: string
  at: string
  device: string
  /** The previous line's mac ('' for the first line): lines cannot be dropped or reordered. */
  prev: string
  mac: string
}

type Unsigned = Omit<Checkpoint, 'mac'>

const macOf = (key: Buffer, cp: Unsigned) =>
  createHmac('sha256', key)
    .update(JSON.stringify([cp.v, cp.seq, cp.count, cp.head, cp.at, cp.device, cp.prev]))
    .digest('hex')

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export interface CheckpointRead {
  /** The lines that verify, up to the first that does not. */
  checkpoints: Checkpoint[]
  /** The first line that does not verify, in a clerk's words; null when all do. */
  problem: string | null
}

export function readCheckpoints(file: string, key: Buffer): CheckpointRead {
  if (!existsSync(file)) return { checkpoints: [], problem: null }
  const lines = readFileSync(file, 'utf8').split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const checkpoints: Checkpoint[] = []
  for (const [i, line] of lines.entries()) {
    const bad = (why: string): CheckpointRead => ({
      checkpoints,
      problem: `审计检查点文件第 ${i + 1} 行${why}`
    })
    let cp: Checkpoint
    try {
      cp = JSON.parse(line) as Checkpoint
    } catch {
      return bad('无法解析（文件被改动或写入中断）')
    }
    if (
      cp === null ||
      typeof cp !== 'object' ||
      cp.v !== 1 ||
      !Number.isInteger(cp.seq) ||
      !Number.isInteger(cp.count) ||
      typeof cp.mac !== 'string' ||
      typeof cp.head !== 'string' ||
      typeof cp.at !== 'string' ||
      typeof cp.device !== 'string' ||
      typeof cp.prev !== 'string'
    ) {
      return bad('格式不对（文件被改动）')
    }
    if (!sameHex(cp.mac, macOf(key, cp))) return bad('签名不符（文件被改动，或密钥不是本库的）')
    const before = checkpoints[checkpoints.length - 1]
    if (cp.prev !== (before?.mac ?? '')) return bad('与上一行不衔接（有行被删除或调换）')
    if (before && (cp.seq < before.seq || cp.count < before.count))
      return bad('比上一行记录的还少（顺序被改动）')
    checkpoints.push(cp)
  }
  return { checkpoints, problem: null }
}

export interface CheckpointSource {
  head(): { seq: number; hash: string } | null
  rowCount(): number
  hashAt(seq: number): string | null
}

export interface CheckpointWriterOptions {
  file: string
  key: Buffer
  source: CheckpointSource
  deviceId: string
  now: () => Date
  /** Write after this many new rows… */
  everyRows?: number
  /** …or when this long has passed since the last checkpoint and rows were added. */
  everyMs?: number
}

/**
 * Writes checkpoints: `maybe()` after audited calls (throttled), `force()` on close and backup.
 * Returns what it did, for the log and the tests.
 */
export function createCheckpointWriter(options: CheckpointWriterOptions) {
  const { file, key, source, deviceId, now } = options
  const everyRows = options.everyRows ?? 20
  const everyMs = options.everyMs ?? 60_000
  let last: Checkpoint | null | undefined

  const lastWritten = () => {
    if (last === undefined) {
      const read = readCheckpoints(file, key)
      last = read.checkpoints[read.checkpoints.length - 1] ?? null
      // A file that does not verify is left as it is for verify to report; nothing is added.
      if (read.problem) return 'unreadable' as const
    }
    return last
  }

  function write(force: boolean): 'written' | 'unchanged' | 'throttled' | 'refused' | 'empty' {
    const before = lastWritten()
    if (before === 'unreadable') return 'refused'
    const head = source.head()
    if (!head) return 'empty'
    if (before && before.seq === head.seq && before.head === head.hash) return 'unchanged'
    // Never sign a log that contradicts the last checkpoint (cut back or re-chained under it).
    if (before && (head.seq < before.seq || source.hashAt(before.seq) !== before.head))
      return 'refused'
    const at = now()
    if (
      !force &&
      before &&
      head.seq - before.seq < everyRows &&
      at.getTime() - new Date(before.at).getTime() < everyMs
    )
      return 'throttled'
    const unsigned: Unsigned = {
      v: 1,
      seq: head.seq,
      count: source.rowCount(),
      head: head.hash,
      at: at.toISOString(),
      device: deviceId,
      prev: before?.mac ?? ''
    }
    const cp: Checkpoint = { ...unsigned, mac: macOf(key, unsigned) }
    appendFileSync(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 })
    chmodSync(file, 0o600)
    last = cp
    return 'written'
  }

  return {
    file,
    maybe: () => write(false),
    force: () => write(true),
    exists: () => existsSync(file)
  }
}

export type CheckpointWriter = ReturnType<typeof createCheckpointWriter>

/** The copy of the checkpoint file kept beside a backup. */
export const checkpointCopyOf = (backupFile: string) => `${backupFile}.audit-checkpoints.log`

/** Copies the checkpoint file beside a backup (0600). */
export function copyCheckpointsBeside(checkpointFile: string, backupFile: string): string | null {
  if (!existsSync(checkpointFile)) return null
  const copy = checkpointCopyOf(backupFile)
  copyFileSync(checkpointFile, copy)
  chmodSync(copy, 0o600)
  return copy
}

/** Removes copies whose backup file is gone (rotated out). */
export function pruneCheckpointCopies(backupDir: string): void {
  if (!existsSync(backupDir)) return
  const suffix = '.audit-checkpoints.log'
  for (const name of readdirSync(backupDir)) {
    if (name.endsWith(suffix) && !existsSync(join(backupDir, name.slice(0, -suffix.length))))
      rmSync(join(backupDir, name))
  }
}
