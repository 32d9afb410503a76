import type { z } from 'zod'
import type { Result } from '../errors'
import { contract, events, type Contract, type EventName, type EventPayload } from './contract'

/** Channel name of a call: `namespace:method`. */
export const channelOf = (namespace: string, method: string) => `${namespace}:${method}`

export const allChannels = (): string[] =>
  Object.entries(contract).flatMap(([namespace, calls]) =>
    Object.keys(calls).map((method) => channelOf(namespace, method))
  )

type InputOf<D> = D extends { input: infer I extends z.ZodType } ? z.input<I> : never
type OutputOf<D> = D extends { output: infer O extends z.ZodType } ? z.output<O> : never

/** A call with no input takes no argument. */
type Method<D> =
  undefined extends InputOf<D>
    ? (input?: InputOf<D>) => Promise<Result<OutputOf<D>>>
    : (input: InputOf<D>) => Promise<Result<OutputOf<D>>>

export type BianminApi = {
  [NS in keyof Contract]: { [M in keyof Contract[NS]]: Method<Contract[NS][M]> }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export type Invoke = (channel: string, input: unknown) => Promise<unknown>
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

/** Builds `window.api` from the contract; the preload and the test bridge both use it. */
export function buildApi(invoke: Invoke, subscribe: Subscribe): BianminApi {
  const api: Record<string, unknown> = {}
  for (const [namespace, calls] of Object.entries(contract)) {
    const methods: Record<string, (input?: unknown) => Promise<unknown>> = {}
    for (const method of Object.keys(calls)) {
      const channel = channelOf(namespace, method)
      methods[method] = (input?: unknown) => invoke(channel, input)
    }
    api[namespace] = Object.freeze(methods)
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(events, event)) throw new Error(`Unknown event: ${event}`)
    return subscribe(event, listener)
  }
  return Object.freeze(api) as BianminApi
}
