import { afterEach, describe, expect, it } from 'vitest'
import { createMockServer, type MockServer } from '../src/index'

let mock: MockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

const session = (url: string, appKey: string) =>
  fetch(`${url}/captchala/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_key: appKey }),
  })

describe('test_never_ready', () => {
  it('holds the widget session unanswered while other keys are answered, and close() still ends it', async () => {
    mock = await createMockServer()
    let answered = false
    const held = session(mock.url, 'test_never_ready').then(
      () => (answered = true),
      (error: unknown) => error,
    )
    // Sent after the held one on the same server: its answer proves the held one was seen.
    const other = await session(mock.url, 'test_pass_invisible')
    await expect(other.json()).resolves.toMatchObject({ code: 0, data: { interactive: false } })
    expect(answered).toBe(false)
    await mock.close()
    mock = undefined
    // The server closing drops the held request instead of waiting for it.
    expect(await held).toBeInstanceOf(TypeError)
    expect(answered).toBe(false)
  })

  it('still refuses an unknown key at once, as the other keys do', async () => {
    mock = await createMockServer()
    const refused = await session(mock.url, 'no_such_key')
    expect(refused.status).toBe(400)
    await expect(refused.json()).resolves.toMatchObject({ data: { error: 'invalid_app_key' } })
  })
})
