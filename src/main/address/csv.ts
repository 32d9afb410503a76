/** A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF) that can be fed in chunks. */
export function createCsvReader() {
  let field = ''
  let row: string[] = []
  let quoted = false
  let afterQuote = false
  let started = false
  const rows: string[][] = []
  const endField = () => {
    row.push(field)
    field = ''
    afterQuote = false
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
    started = false
  }
  return {
    /** Feeds text; returns the rows completed by it. */
    feed(text: string): string[][] {
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!
        if (quoted) {
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"'
              i++
            } else {
              quoted = false
              afterQuote = true
            }
          } else field += c
          continue
        }
        if (c === '"' && field === '' && !afterQuote) {
          quoted = true
          started = true
        } else if (c === ',') {
          endField()
          started = true
        } else if (c === '\n') endRow()
        else if (c === '\r') continue
        else {
          field += c
          started = true
        }
      }
      return rows.splice(0)
    },
    /** The last row if the text did not end with a newline. */
    end(): string[][] {
      if (started || field !== '' || row.length) endRow()
      return rows.splice(0)
    }
  }
}

export function parseCsv(text: string): string[][] {
  const reader = createCsvReader()
  return [...reader.feed(text.replace(/^\uFEFF/, '')), ...reader.end()]
}

const needsQuotes = /[",\r\n]/

export const toCsv = (rows: (string | number | null)[][]): string =>
  '\uFEFF' +
  rows
    .map((cells) =>
      cells
        .map((cell) => {
          const s = cell === null ? '' : String(cell)
          // A leading =, +, - or @ would run as a formula in a spreadsheet.
          const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
          return needsQuotes.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
        })
        .join(',')
    )
    .join('\r\n') +
  '\r\n'
