import { siteverifyContext, type MockContext } from '../context'
import { siteverify, type SiteverifyFields } from '../emulated/siteverify'
import type { FormSiteverifyProvider } from '../emulated/sites'
import { readFormOrJson } from '../http/body'
import type { Router } from '../http/router'
import { SITEVERIFY } from './families'

/** Each provider's siteverify path, as on its API host, under the provider's name. */
const SITEVERIFY_PATHS: Record<FormSiteverifyProvider, string> = {
  turnstile: '/turnstile/v0/siteverify',
  hcaptcha: '/hcaptcha/siteverify',
  recaptcha: '/recaptcha/api/siteverify',
}

const FIELDS = ['secret', 'response', 'remoteip', 'sitekey', 'idempotency_key'] as const

/** Each provider's siteverify, with its request encoding, fields and error codes. */
export function siteverifyRoutes(router: Router, context: MockContext) {
  const verifyContext = siteverifyContext(context)
  const answer = (provider: FormSiteverifyProvider, fields: unknown) => {
    const parsed = readFields(fields)
    return parsed
      ? siteverify(provider, parsed, verifyContext)
      : { success: false, 'error-codes': ['bad-request'] }
  }

  for (const [provider, path] of Object.entries(SITEVERIFY_PATHS) as [
    FormSiteverifyProvider,
    string,
  ][]) {
    // A form POST (Turnstile also takes JSON); reCAPTCHA also answers GET.
    router.add('POST', path, SITEVERIFY, async ({ request }) =>
      answer(provider, await readFormOrJson(request)),
    )
    if (provider === 'recaptcha')
      router.add('GET', path, SITEVERIFY, ({ query }) =>
        answer(provider, Object.fromEntries(query)),
      )
  }
}

/** The known fields as strings; null when one is there but not a string. */
function readFields(body: unknown): SiteverifyFields | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const fields: SiteverifyFields = {}
  for (const name of FIELDS) {
    const value = (body as Record<string, unknown>)[name]
    if (value === undefined) continue
    if (typeof value !== 'string') return null
    fields[name] = value
  }
  return fields
}
