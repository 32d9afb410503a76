/**
 * A register's parties as the form shows them: one per line, the name and then an ID number and
 * a phone number in either order, each told by its shape (a phone may come without an ID number).
 * Words that are not numbers belong to the name (欧阳 娜娜).
 */
export interface PartyLine {
  name: string
  idNumber?: string
  phone?: string
}

/** 18 characters (the last may be X) or the old 15 digits, as typed. */
const ID_SHAPE = /^(\d{17}[\dXx]|\d{15})$/
/** Digits with the separators a phone number is written with. */
const NUMBER_SHAPE = /^[+(]?\d[\d\-()]*$/

export function parsePartyLines(text: string): PartyLine[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .map((parts) => {
      const name: string[] = []
      const party: PartyLine = { name: '' }
      for (const part of parts) {
        if (party.idNumber === undefined && ID_SHAPE.test(part)) party.idNumber = part
        else if (party.phone === undefined && NUMBER_SHAPE.test(part)) party.phone = part
        else name.push(part)
      }
      party.name = name.join(' ')
      return party
    })
}

export const partyLines = (parties: readonly PartyLine[]): string =>
  parties.map((p) => [p.name, p.idNumber, p.phone].filter(Boolean).join(' ')).join('\n')
