// `next/headers` for the Next.js server-action recipe: the headers of the request under test.
let current = new Headers()

export function setRequestHeaders(headers: HeadersInit) {
  current = new Headers(headers)
}

export async function headers(): Promise<Headers> {
  return current
}
