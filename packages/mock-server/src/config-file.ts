import { readFileSync } from 'node:fs'
import type { MockApp } from './apps'
import type { EmulatedSite } from './emulated/sites'

export interface MockConfigFile {
  port?: number
  host?: string
  apps?: MockApp[]
  sites?: EmulatedSite[]
  /** The signing key's seed (see `createEmulator`). */
  seed?: string
}

/** Reads and checks a `passline-mock.json`; throws an Error naming the first thing wrong. */
export function readConfigFile(path: string): MockConfigFile {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read config ${path}: ${(error as Error).message}`)
  }
  const fail = (what: string) => {
    throw new Error(`config ${path}: ${what}`)
  }
  if (!isRecord(parsed)) return fail('must be a JSON object')
  const { port, host, apps, sites, seed } = parsed
  if (seed !== undefined && (typeof seed !== 'string' || !seed))
    fail('"seed" must be a non-empty string')
  if (
    port !== undefined &&
    !(Number.isInteger(port) && (port as number) >= 0 && (port as number) < 65536)
  ) {
    fail('"port" must be an integer from 0 to 65535')
  }
  if (host !== undefined && typeof host !== 'string') fail('"host" must be a string')
  if (apps !== undefined && !Array.isArray(apps)) fail('"apps" must be an array')
  for (const [index, app] of ((apps as unknown[]) ?? []).entries()) {
    const where = `apps[${index}]`
    if (!isRecord(app)) fail(`${where} must be an object`)
    const entry = app as Record<string, unknown>
    if (typeof entry.appKey !== 'string' || !entry.appKey)
      fail(`${where}.appKey must be a non-empty string`)
    if (typeof entry.appSecret !== 'string' || !entry.appSecret)
      fail(`${where}.appSecret must be a non-empty string`)
    if (
      entry.outcome !== undefined &&
      !['pass', 'fail', 'degraded', 'offline', 'client-only'].includes(entry.outcome as string)
    ) {
      fail(`${where}.outcome must be "pass", "fail", "degraded", "offline" or "client-only"`)
    }
    for (const key of ['interactive', 'requireServerToken', 'neverReady'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'boolean')
        fail(`${where}.${key} must be true or false`)
    }
    for (const key of ['tokenTtlSeconds', 'delayMs'] as const) {
      if (entry[key] !== undefined && !(typeof entry[key] === 'number' && entry[key] >= 0)) {
        fail(`${where}.${key} must be a number of at least 0`)
      }
    }
  }
  if (sites !== undefined && !Array.isArray(sites)) fail('"sites" must be an array')
  for (const [index, site] of ((sites as unknown[]) ?? []).entries()) {
    const where = `sites[${index}]`
    if (!isRecord(site)) fail(`${where} must be an object`)
    const entry = site as Record<string, unknown>
    if (
      !['turnstile', 'hcaptcha', 'recaptcha', 'friendlycaptcha'].includes(entry.provider as string)
    )
      fail(`${where}.provider must be "turnstile", "hcaptcha", "recaptcha" or "friendlycaptcha"`)
    for (const key of ['siteKey', 'secret'] as const) {
      if (typeof entry[key] !== 'string' || !entry[key])
        fail(`${where}.${key} must be a non-empty string`)
    }
    for (const key of ['interactive', 'invisible'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'boolean')
        fail(`${where}.${key} must be true or false`)
    }
    if (entry.outcome !== undefined && !['pass', 'fail'].includes(entry.outcome as string))
      fail(`${where}.outcome must be "pass" or "fail"`)
    if (entry.version !== undefined && !['v2', 'v3'].includes(entry.version as string))
      fail(`${where}.version must be "v2" or "v3"`)
    if (
      entry.score !== undefined &&
      !(typeof entry.score === 'number' && entry.score >= 0 && entry.score <= 1)
    )
      fail(`${where}.score must be a number from 0 to 1`)
    if (
      entry.tokenTtlSeconds !== undefined &&
      !(typeof entry.tokenTtlSeconds === 'number' && entry.tokenTtlSeconds > 0)
    )
      fail(`${where}.tokenTtlSeconds must be a number above 0`)
    if (
      entry.challengeTimeoutSeconds !== undefined &&
      !(typeof entry.challengeTimeoutSeconds === 'number' && entry.challengeTimeoutSeconds > 0)
    )
      fail(`${where}.challengeTimeoutSeconds must be a number above 0`)
  }
  return parsed as MockConfigFile
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
