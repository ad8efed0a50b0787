// The page's settings from the query string, and the call to the demo backend with its outcome
// as a message. Each sample carries its own copy of this file, so any one of them can be
// copied out and run alone.

export type Mode = 'embed' | 'bind' | 'invisible'

export interface PageSettings {
  mode: Mode
  appKey: string
  language: string
  theme: 'auto' | 'light' | 'dark'
  extraWidgets: number
}

export function pageSettings(query = new URLSearchParams(location.search)): PageSettings {
  const mode = query.get('mode')
  const theme = query.get('theme')
  return {
    mode: mode === 'bind' || mode === 'invisible' ? mode : 'embed',
    appKey: query.get('key') ?? 'test_pass',
    language: query.get('lang') ?? 'auto',
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    extraWidgets: Math.min(Number(query.get('widgets') ?? 0) || 0, 50),
  }
}

export interface SignupOutcome {
  message: string
  /** Set when the backend asks for a challenge solved with this server token. */
  serverToken?: string
}

export async function submitSignup(
  email: string,
  token: string,
  appKey: string,
): Promise<SignupOutcome> {
  const response = await fetch('/api/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, token, appKey }),
  })
  const body = (await response.json()) as { error?: string; reason?: string; serverToken?: string }
  if (response.ok) return { message: `Welcome, ${email}! Your account is ready.` }
  if (body.error === 'challenge_required' && body.serverToken) {
    return {
      message: 'One more check: please solve the challenge again.',
      serverToken: body.serverToken,
    }
  }
  return { message: `Signup refused: ${body.reason ?? body.error ?? response.status}` }
}
