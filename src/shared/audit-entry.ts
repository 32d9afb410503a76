import { z } from 'zod'

/** One audit row as the audit views show it (this PC's log, and the station server's). */
export const auditEntry = z.object({
  id: z.string(),
  seq: z.int(),
  at: z.string(),
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable()
})
