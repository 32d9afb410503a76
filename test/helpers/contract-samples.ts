import { randomUUID } from 'node:crypto'
import { z } from 'zod'

/**
 * Valid sample inputs and their bad variants, generated from the zod contract (not written per
 * call), so every call that is added is covered by the bad-input tests without more code.
 */

type Def = { type: string } & Record<string, unknown>
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Unwraps optional/default/nullable/pipe wrappers to the schema that checks the value. */
export function core(schema: z.ZodType): z.ZodType {
  const def = defOf(schema)
  if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(def.type)) {
    return core(def.innerType as z.ZodType)
  }
  if (def.type === 'pipe') return core(def.in as z.ZodType)
  return schema
}

export function isOptional(schema: z.ZodType): boolean {
  return ['optional', 'default', 'prefault'].includes(defOf(schema).type)
}

export function sample(schema: z.ZodType): unknown {
  const examples = z.globalRegistry.get(schema)?.examples
  if (Array.isArray(examples) && examples.length) return examples[0]
  // Unwrap one layer at a time, so examples on a wrapper (e.g. a nullable inside an optional) count.
  const wrapper = defOf(schema)
  if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(wrapper.type))
    return sample(wrapper.innerType as z.ZodType)
  if (wrapper.type === 'pipe') return sample(wrapper.in as z.ZodType)
  const def = wrapper
  switch (def.type) {
    case 'undefined':
      return undefined
    case 'null':
      return null
    case 'boolean':
      return true
    case 'number': {
      const min = (schema as z.ZodNumber).minValue
      return Number.isFinite(min) ? min : 1
    }
    case 'enum':
      return (schema as z.ZodEnum).options[0]
    case 'literal':
      return (def.values as unknown[])[0]
    case 'union':
      return sample((def.options as z.ZodType[])[0]!)
    case 'array':
      return [sample(def.element as z.ZodType)]
    case 'object':
      return Object.fromEntries(
        Object.entries((schema as z.ZodObject).shape).map(([key, value]) => [
          key,
          sample(value as z.ZodType)
        ])
      )
    case 'string': {
      const format = (schema as z.ZodString).format
      if (format === 'uuid') return randomUUID()
      if (format === 'datetime') return '2026-11-28T08:00:00.000Z'
      return '张'.repeat(Math.max(1, (schema as z.ZodString).minLength ?? 1))
    }
    default:
      throw new Error(`No sample for zod type ${def.type}: extend test/helpers/contract-samples.ts`)
  }
}

export interface BadInput {
  label: string
  input: unknown
}

/** Every way a payload can be wrong that the contract must refuse. */
export function badInputs(schema: z.ZodType): BadInput[] {
  const inner = core(schema)
  const def = defOf(inner)
  const bad: BadInput[] = [
    { label: 'a number for the whole payload', input: 42 },
    { label: 'a string for the whole payload', input: 'x'.repeat(1_000_000) },
    { label: 'an array for the whole payload', input: [] },
    {
      label: 'a prototype-pollution payload',
      input: JSON.parse('{"__proto__": {"polluted": true}}')
    },
    {
      label: 'a constructor.prototype payload',
      input: { constructor: { prototype: { polluted: true } } }
    }
  ]
  if (def.type !== 'object') {
    bad.push({ label: 'an empty object', input: {} })
    return bad
  }
  const valid = sample(inner) as Record<string, unknown>
  const shape = (inner as z.ZodObject).shape as Record<string, z.ZodType>
  bad.push({ label: 'an unknown extra field', input: { ...valid, extra: 1 } })
  bad.push({
    label: 'a __proto__ key beside valid fields',
    input: { ...valid, ...JSON.parse('{"__proto__": {"isAdmin": true}}') }
  })
  for (const [key, field] of Object.entries(shape)) {
    const type = defOf(core(field)).type
    if (!isOptional(field)) {
      const { [key]: _missing, ...rest } = valid
      bad.push({ label: `missing ${key}`, input: rest })
    }
    bad.push({
      label: `${key} of the wrong type`,
      input: { ...valid, [key]: type === 'string' ? 12345 : 'not-a-value' }
    })
    bad.push({ label: `${key} as an object`, input: { ...valid, [key]: { nested: true } } })
    if (type === 'array') {
      const element = defOf(core(field)).element as z.ZodType
      bad.push({
        label: `${key} with 100,000 items`,
        input: { ...valid, [key]: Array(100_000).fill(sample(element)) }
      })
    }
    if (type === 'string')
      bad.push({ label: `${key} of 1 MB`, input: { ...valid, [key]: '长'.repeat(1_000_000) } })
  }
  return bad
}
