/**
 * The director's free text about officers (notes, the award reason): ID and phone numbers typed
 * into it are stored sealed, and the audit detail carries the text masked. seal-existing.ts
 * seals what earlier versions stored, with the same places.
 */
export const STAFF_NOTE_COLUMNS = [
  { table: 'staff_checks', column: 'note' },
  { table: 'staff_awards', column: 'reason' },
  { table: 'staff_complaint_rulings', column: 'note' },
  { table: 'staff_ladder', column: 'note' }
] as const
export const staffNotePlace = (table: string, column: string) => `${table}.${column}`
