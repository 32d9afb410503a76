import { z } from 'zod'

/** A PDF the app wrote into the exports folder, ready to open or print. */
export const printedDocument = z.object({
  path: z.string(),
  fileName: z.string(),
  pages: z.int(),
  /** Characters no font could draw (printed as boxes): shown to the clerk. */
  missingCharacters: z.array(z.string())
})

export type PrintedDocument = z.output<typeof printedDocument>
