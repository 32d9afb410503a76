/**
 * Rows recoded between this PC's data key and the station key (issue #15). The PC's database keeps
 * what it sealed with its own key; the server holds the same rows under the station key
 * (station-key.ts), so any PC of the station can open, find and check them:
 * - sealed ID and phone numbers (whole values, parties, and those embedded in free text) are opened
 *   with one key and sealed again, for the same place, with the other;
 * - an entry's blind-index tokens are computed again from its opened numbers (a token cannot be
 *   recoded: it is a one-way HMAC), so the PC's own token rows are never uploaded;
 * - an audit row's mac is signed again over the same hash, only when it verifies under the key
 *   it came with (a row changed on the PC is not laundered: it goes up without a mac). The hash,
 *   and so the chain, is unchanged.
 * A sealed value in a column not listed here stops the upload instead of leaving a value only
 * one PC can open on the server.
 */
import { getTableColumns, getTableName } from 'drizzle-orm'
import { macAuditHash } from '../audit/audit-repo'
import {
  createDataCipher,
  holdsSealed,
  recodeEmbedded,
  recodeText,
  type DataCipher
} from '../crypto/cipher'
import { vaultOf } from '../keys/key-vault'
import {
  identifierTokens,
  isJsonField,
  isSealedField,
  mapSealedField,
  tables as bookTables
} from '../logbooks/logbooks-repo'
import { bookKeys, type BookKey } from '../../shared/logbooks/books'

type Row = Record<string, unknown>

/** The station key's side: its field cipher and audit mac key, derived as a PC's are. */
export function stationKeySide(stationKey: Buffer): KeySide {
  const vault = vaultOf(stationKey, '本所密钥')
  return { cipher: createDataCipher(vault), chainKey: vault.key('audit-chain') }
}

/** One side of the recoding: the field cipher and the audit chain's mac key. */
export interface KeySide {
  cipher: DataCipher
  chainKey: Buffer
}

interface Register {
  book: BookKey
  /** Each column's field key. */
  keyOf: Map<string, string>
  /** The columns that may hold sealed values. */
  sealedColumns: Set<string>
}

/** Per register table: its book, its columns' field keys and which of them are sealed. */
const registers = new Map<string, Register>(
  bookKeys.map((book) => {
    const table = bookTables[book]
    const keyOf = new Map(
      Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key])
    )
    const sealedColumns = new Set(
      [...keyOf].filter(([, key]) => isSealedField(book, key)).map(([column]) => column)
    )
    return [getTableName(table), { book, keyOf, sealedColumns }]
  })
)

/** Other shared tables' columns that hold ID or phone numbers inside free text: their places. */
const EMBEDDED_COLUMNS: Record<string, Record<string, string>> = {
  staff_followups: {
    target_name: 'staff_followups.targetName',
    outcome: 'staff_followups.outcome'
  }
}

/** Columns whose sealed values stay as they are: the audit detail is inside the row's hash. */
const KEPT_AS_IS: Record<string, Set<string>> = { audit_log: new Set(['detail']) }

/** Another shared table's columns the recoding deals with, per table (computed once). */
const handled = new Map<string, Set<string>>()
const handledColumns = (table: string): Set<string> => {
  let columns = handled.get(table)
  if (!columns) {
    columns = new Set([...Object.keys(EMBEDDED_COLUMNS[table] ?? {}), ...(KEPT_AS_IS[table] ?? [])])
    handled.set(table, columns)
  }
  return columns
}

export interface RecodedRow {
  row: Row
  /** For a register entry: its blind-index rows under the target key. */
  blindRows: { token: string; book: string; entry_id: string }[]
}

export interface RowTranscoder {
  /** A stored row of `table` recoded from one key to the other. */
  recode(table: string, row: Row): RecodedRow
}

export function createTranscoder(from: KeySide, to: KeySide): RowTranscoder {
  const text = (value: string, place: string) => recodeText(value, place, from.cipher, to.cipher)
  const embedded = (value: string, place: string) =>
    recodeEmbedded(value, place, from.cipher, to.cipher)

  const recodeEntry = (tableName: string, register: Register, row: Row): RecodedRow => {
    const { book, keyOf } = register
    const out: Row = { ...row }
    const plain: Row = {}
    for (const [column, value] of Object.entries(row)) {
      const key = keyOf.get(column)
      if (!key || !isSealedField(book, key) || typeof value !== 'string') continue
      const json = isJsonField(key)
      const stored = json ? (JSON.parse(value) as unknown) : value
      plain[key] = mapSealedField(
        book,
        key,
        stored,
        (v, at) => from.cipher.openText(v, at),
        (v, at) => from.cipher.openEmbedded(v, at)
      )
      const recoded = mapSealedField(book, key, stored, text, embedded)
      out[column] = json ? JSON.stringify(recoded) : recoded
    }
    refuseUnknownSealed(tableName, row, register.sealedColumns)
    const blindRows = identifierTokens(to.cipher, book, plain).map((token) => ({
      token,
      book,
      entry_id: String(row.id)
    }))
    return { row: out, blindRows }
  }

  return {
    recode(table, row) {
      const register = registers.get(table)
      if (register) return recodeEntry(table, register, row)
      const out: Row = { ...row }
      const embeddedColumns = EMBEDDED_COLUMNS[table] ?? {}
      for (const [column, place] of Object.entries(embeddedColumns)) {
        if (typeof row[column] === 'string') out[column] = embedded(row[column], place)
      }
      if (table === 'audit_log' && typeof row.mac === 'string') {
        const hash = String(row.hash)
        out.mac =
          macAuditHash(from.chainKey, hash) === row.mac ? macAuditHash(to.chainKey, hash) : null
      }
      refuseUnknownSealed(table, row, handledColumns(table))
      return { row: out, blindRows: [] }
    }
  }
}

/** A sealed value where none is expected would reach the server under this PC's key: stop. */
function refuseUnknownSealed(table: string, row: Row, handled: Set<string>): void {
  for (const [column, value] of Object.entries(row)) {
    if (handled.has(column) || typeof value !== 'string') continue
    if (holdsSealed(value)) {
      throw new Error(
        `${table}.${column} holds a sealed value the station transcoder does not know`
      )
    }
  }
}
