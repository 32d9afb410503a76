import type { z } from 'zod'
import type { Role } from '../roles'

/** Who may make a call: anyone (before sign-in), any signed-in operator, or only some roles. */
export type Access = 'public' | 'signedIn' | readonly Role[]

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
  /** Allowed while the screen is locked (status, unlock, sign-out). */
  whileLocked?: boolean
  /**
   * A 'signedIn' call the auditor may make too (own account, lock). The auditor reads the audit
   * log and changes nothing, so every other 'signedIn' call is refused to that role.
   */
  auditor?: boolean
  /** Allowed while an administrator's reset waits for the operator's own new password. */
  duringPasswordChange?: boolean
}

export const call = <I extends z.ZodType, O extends z.ZodType>(def: CallDef<I, O>) => def

export type Namespace = Record<string, CallDef>
export type ContractShape = Record<string, Namespace>
