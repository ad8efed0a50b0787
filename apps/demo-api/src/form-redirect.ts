import type { Answer } from './answers'

/**
 * The pages of the element sample that post the signup form natively. A form post is answered
 * with a redirect to one of these fixed paths, never to a path taken from the request: a
 * `Referer` can be forged, and `//evil.example` or `/\evil.example` is another site.
 */
const FORM_PAGES = ['/', '/lit.html'] as const
/** The page's own settings (see the element sample's `pageSettings`), carried back as they were. */
const PAGE_SETTINGS = ['provider', 'mode', 'key', 'lang', 'theme', 'widgets']
/** What a setting's value may be: the page's providers, flows, keys, languages and counts. */
const SETTING_VALUE = /^[\w.-]{1,64}$/

/**
 * Where a form post is sent back to (Post/Redirect/Get): the posting page, one of
 * `FORM_PAGES` (picked by exact match, else the first), with its own settings and the
 * outcome in the query: `signup=created|refused`, the `email` when it was a valid one (so the
 * form keeps it), and `error`, `reason`, `serverToken` from the closed lists. Never throws:
 * an unparseable `Referer` is no `Referer`.
 */
export function formRedirect(referer: string | undefined, answer: Answer, email: string | null) {
  const from = parse(referer)
  const page = FORM_PAGES.find((path) => path === from?.pathname) ?? FORM_PAGES[0]
  const query = new URLSearchParams()
  for (const name of PAGE_SETTINGS) {
    const value = from?.searchParams.get(name)
    if (value && SETTING_VALUE.test(value)) query.set(name, value)
  }
  query.set('signup', answer.status === 201 ? 'created' : 'refused')
  if (email) query.set('email', email)
  if ('error' in answer.body) {
    const { error, reason, serverToken } = answer.body
    for (const [name, value] of Object.entries({ error, reason, serverToken }))
      if (value) query.set(name, value)
  }
  return `${page}?${query}`
}

function parse(referer: string | undefined): URL | undefined {
  if (!referer) return undefined
  try {
    return new URL(referer)
  } catch {
    return undefined
  }
}
