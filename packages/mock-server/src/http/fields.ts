import { RequestRefused } from '../envelope'

/** What one field of a JSON body may be; anything else is a 400, never coerced. */
export type FieldRule =
  | { type: 'string'; minLength?: number; maxLength?: number }
  | { type: 'boolean' }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'enum'; values: readonly string[] }
  /** Read by the handler as it likes (CaptchaLa ignores a malformed `client_ip`). */
  | { type: 'any' }

export interface BodyRules {
  fields: Record<string, FieldRule>
  required?: readonly string[]
}

const refuse = (detail: string) => new RequestRefused(400, 'invalid_request', `body ${detail}`)

/** `body` checked against `rules`: a JSON object whose known fields have the right types. */
export function checkBody<T>(body: unknown, rules: BodyRules): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw refuse('must be a JSON object')
  const record = body as Record<string, unknown>
  for (const name of rules.required ?? [])
    if (record[name] === undefined) throw refuse(`must have required property '${name}'`)
  for (const [name, rule] of Object.entries(rules.fields)) {
    const value = record[name]
    if (value === undefined) continue
    const problem = fieldProblem(value, rule)
    if (problem) throw refuse(`/${name} ${problem}`)
  }
  return record as T
}

function fieldProblem(value: unknown, rule: FieldRule): string | null {
  switch (rule.type) {
    case 'any':
      return null
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be boolean'
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value)
        ? null
        : `must be one of ${rule.values.join(', ')}`
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be integer'
      if (rule.minimum !== undefined && value < rule.minimum) return `must be >= ${rule.minimum}`
      if (rule.maximum !== undefined && value > rule.maximum) return `must be <= ${rule.maximum}`
      return null
    case 'string':
      if (typeof value !== 'string') return 'must be string'
      if (rule.minLength !== undefined && value.length < rule.minLength)
        return `must NOT have fewer than ${rule.minLength} characters`
      if (rule.maxLength !== undefined && value.length > rule.maxLength)
        return `must NOT have more than ${rule.maxLength} characters`
      return null
  }
}
