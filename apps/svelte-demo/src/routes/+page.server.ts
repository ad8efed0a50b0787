import type { DemoConfig } from '$lib/signup'
import { backendUrl } from '$lib/server/backend'
import type { PageServerLoad } from './$types'

// The page is rendered on the server with the backend's config (providers, their scripts and
// the keys to pick from — never a secret), so the form is in the first HTML.
export const load: PageServerLoad = async ({ fetch }) => {
  const response = await fetch(`${backendUrl()}/api/config`)
  if (!response.ok) throw new Error(`demo backend: ${response.status}`)
  return { config: (await response.json()) as DemoConfig }
}
