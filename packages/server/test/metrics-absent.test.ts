// @opentelemetry/api is an optional peer: without it, verifying works and records nothing.
import { describe, expect, it, vi } from 'vitest'
import { createVerifier } from '../src/index'
import { json, upstream } from './upstreams'

vi.mock('@opentelemetry/api', () => {
  throw new Error("Cannot find package '@opentelemetry/api'")
})

describe('without @opentelemetry/api installed', () => {
  it('verifies as usual', async () => {
    const provider = await upstream((_request, response) =>
      json(response, { code: 0, data: { valid: true, action: 'a' } }),
    )
    const verifier = createVerifier({
      provider: 'captchala',
      appKey: 'k',
      appSecret: 's',
      baseUrl: provider.url,
    })
    expect(await verifier.verify('pt_x')).toMatchObject({ success: true, action: 'a' })
    await expect(import('@opentelemetry/api')).rejects.toThrow()
  })
})
