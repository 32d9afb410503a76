import { z } from 'zod'
import { AppError, type Result } from '../../shared/errors'
import { channelOf } from '../../shared/ipc/api'
import type { CallDef, ContractShape } from '../../shared/ipc/define'
import type { Session } from '../auth/auth-service'

/** Larger payloads are refused before parsing (the biggest legitimate call is far below this). */
export const MAX_PAYLOAD_CHARS = 512 * 1024
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type HandlerMap<C extends ContractShape> = {
  [NS in keyof C]: {
    [M in keyof C[NS]]: (
      input: z.output<C[NS][M]['input']>,
      context: CallContext
    ) => Promise<z.input<C[NS][M]['output']>>
  }
}

export interface CallContext {
  session: Session | null
  channel: string
}

/** The signed-in operator's id; access rules have already required a session. */
export const actorOf = (context: CallContext) => {
  if (!context.session) throw new AppError('UNAUTHENTICATED', '请先登录')
  return context.session.operator.id
}

export interface InvokeMeta {
  /** URL of the frame that sent the call (Electron: event.senderFrame.url). */
  senderUrl: string | undefined
}

export interface HandlerTable {
  channels: string[]
  invoke(channel: string, input: unknown, meta: InvokeMeta): Promise<Result<unknown>>
}

/** Rejects prototype-pollution keys and oversized or too deeply nested payloads before zod sees them. */
function checkPayload(input: unknown): string | null {
  let size = 0
  const visit = (value: unknown, depth: number): string | null => {
    if (depth > 32) return '数据嵌套过深'
    if (typeof value === 'string') size += value.length
    else size += 8
    if (size > MAX_PAYLOAD_CHARS) return '数据过大'
    if (value === null || typeof value !== 'object') return null
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key))
        return `不允许的字段名：${String(key)}`
      size += key.length
      const problem = visit((value as Record<string, unknown>)[key], depth + 1)
      if (problem) return problem
    }
    return null
  }
  return visit(input, 0)
}

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    fields[path] ??=
      issue.code === 'unrecognized_keys' ? `不允许的字段：${issue.keys.join('、')}` : issue.message
  }
  const first = Object.entries(fields)[0]!
  const message =
    first[0] === '_' ? `输入有误：${first[1]}` : `输入有误（${first[0]}）：${first[1]}`
  return new AppError('VALIDATION', message, fields)
}

function checkAccess(def: CallDef, session: Session | null): AppError | null {
  if (def.access === 'public') return null
  if (!session) return new AppError('UNAUTHENTICATED', '请先登录')
  if (session.locked && !def.whileLocked)
    return new AppError('SESSION_LOCKED', '屏幕已锁定，请先解锁')
  if (session.operator.passwordChangeRequired && !def.duringPasswordChange)
    return new AppError('PASSWORD_CHANGE_REQUIRED', '请先把密码换成您自己的新密码')
  const role = session.operator.role
  const allowed =
    def.access === 'signedIn'
      ? role !== 'auditor' || def.auditor === true
      : def.access.includes(role)
  if (!allowed) return new AppError('FORBIDDEN', '当前账户无权执行此操作')
  return null
}

/** The SQLite error code of an error or of its cause (drizzle wraps driver errors). */
function sqliteCode(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code: unknown = Reflect.get(e, 'code')
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code
  }
  return null
}

export const toResult = (error: unknown, onInternal?: (error: unknown) => void): Result<never> => {
  if (error instanceof AppError) return { ok: false, error: error.toShape() }
  // A reference to a record that does not exist (a stale or mistyped id) is the caller's error.
  if (sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: '引用的记录不存在（可能编号有误或已被删除），未作更改' }
    }
  onInternal?.(error)
  return {
    ok: false,
    error: { code: 'INTERNAL', message: '程序内部错误，操作未完成。请重试或联系管理员。' }
  }
}

/**
 * The single path every IPC call takes, in Electron and in the e2e bridge alike:
 * sender check → payload guard → session rules (idle lock, expiry) → access → input schema → handler → output schema → envelope.
 */
export function createHandlerTable<C extends ContractShape>(options: {
  contract: C
  handlers: HandlerMap<C>
  isTrustedSender: (url: string | undefined) => boolean
  currentSession: () => Session | null
  /**
   * Main's session rules, applied before every call: `enforce` locks an idle session and signs
   * out an expired one (by main's clock) and returns what is left; `touch` records a served call
   * as activity. Calls allowed while locked (status, unlock, sign-out…) do not count as activity.
   */
  sessionPolicy?: { enforce: () => Promise<Session | null>; touch: () => void }
  onInternalError?: (channel: string, error: unknown) => void
}): HandlerTable {
  const routes = new Map<
    string,
    { def: CallDef; run: (input: unknown, ctx: CallContext) => Promise<unknown> }
  >()
  for (const [namespace, calls] of Object.entries(options.contract)) {
    for (const [method, def] of Object.entries(calls)) {
      const handler = (
        options.handlers as Record<
          string,
          Record<string, (i: unknown, c: CallContext) => Promise<unknown>>
        >
      )[namespace]?.[method]
      if (!handler) throw new Error(`No handler for ${namespace}:${method}`)
      routes.set(channelOf(namespace, method), { def, run: handler })
    }
  }

  return {
    channels: [...routes.keys()],
    async invoke(channel, input, meta) {
      if (!options.isTrustedSender(meta.senderUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝来自未知页面的请求' } }
      }
      const route = routes.get(channel)
      if (!route) return { ok: false, error: { code: 'UNKNOWN_CALL', message: '未知的调用' } }
      try {
        const problem = checkPayload(input)
        if (problem) throw new AppError('VALIDATION', `输入有误：${problem}`)
        const session = options.sessionPolicy
          ? await options.sessionPolicy.enforce()
          : options.currentSession()
        const denied = checkAccess(route.def, session)
        if (denied) throw denied
        const parsed = route.def.input.safeParse(input)
        if (!parsed.success) throw validationError(parsed.error)
        if (session && !route.def.whileLocked) options.sessionPolicy?.touch()
        const output = await route.run(parsed.data, { session, channel })
        return { ok: true, value: route.def.output.parse(output) }
      } catch (error) {
        return toResult(error, (e) => options.onInternalError?.(channel, e))
      }
    }
  }
}
