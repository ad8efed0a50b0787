import { env } from '$env/dynamic/private'

/** Where the demo backend listens (`npm run demo` and the tests set PASSLINE_API_URL). */
export function backendUrl(): string {
  return env.PASSLINE_API_URL ?? 'http://127.0.0.1:8788'
}
