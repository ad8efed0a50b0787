import { RequestRefused } from '../envelope'
import type { EmulatorRequest } from './exchange'

/** No body the emulator reads is larger: siteverify's and CaptchaLa's are a few hundred bytes. */
export const BODY_LIMIT_BYTES = 16 * 1024

const tooLarge = () => new RequestRefused(413, 'payload_too_large', 'the body is over 16 KB')
const unsupported = (type: string | null) =>
  new RequestRefused(415, 'unsupported_media_type', `content type ${type ?? '(none)'}`)

/** The body as text, refused (413) past the limit without reading the rest. */
export async function readText(request: EmulatorRequest): Promise<string> {
  if (Number(request.header('content-length') ?? 0) > BODY_LIMIT_BYTES) throw tooLarge()
  const bytes = await request.bytes()
  if (bytes.byteLength > BODY_LIMIT_BYTES) throw tooLarge()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new RequestRefused(400, 'invalid_request', 'the body is not UTF-8')
  }
}

const isJson = (type: string) => /^application\/json\s*(;|$)/i.test(type)
const isForm = (type: string) => /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)

/**
 * A JSON body: undefined when there is none, 415 for any other type, 400 when it does not
 * parse. Only JSON is spoken on CaptchaLa's API and the widgets', never a string to coerce.
 */
export async function readJson(request: EmulatorRequest): Promise<unknown> {
  const type = request.header('content-type')
  const text = await readText(request)
  if (type === null) {
    if (text === '') return undefined
    throw unsupported(type)
  }
  if (!isJson(type)) throw unsupported(type)
  return parseJson(text)
}

/** Siteverify's body: a form post (all providers) or JSON (Turnstile also takes it). */
export async function readFormOrJson(request: EmulatorRequest): Promise<unknown> {
  const type = request.header('content-type')
  const text = await readText(request)
  if (type !== null && isForm(type)) return Object.fromEntries(new URLSearchParams(text))
  if (type !== null && isJson(type)) return parseJson(text)
  if (type === null && text === '') return {}
  throw unsupported(type)
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new RequestRefused(400, 'invalid_request', 'the JSON body is empty')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new RequestRefused(400, 'invalid_request', (error as Error).message)
  }
}
