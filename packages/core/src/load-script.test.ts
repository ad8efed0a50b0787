import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CaptchaError } from './errors'
import { loadScript } from './load-script'

let urlCount = 0
const uniqueUrl = () => `https://cdn.example.test/sdk-${++urlCount}.js`

/** The tags for `url`, a retry's mark in their query or not. */
const tagsFor = (url: string) => [...document.scripts].filter((s) => s.src.split('?')[0] === url)

/** Answers every tag for `url` as it is added, in order, from `outcomes`. */
function answerScripts(url: string, outcomes: ('load' | 'error' | 'hang')[]) {
  let attempt = 0
  const observer = new MutationObserver(() => {
    for (const tag of tagsFor(url)) {
      if (tag.dataset.answered) continue
      tag.dataset.answered = 'yes'
      const outcome = outcomes[Math.min(attempt++, outcomes.length - 1)]
      if (outcome !== 'hang') tag.dispatchEvent(new Event(outcome!))
    }
  })
  observer.observe(document.head, { childList: true })
  return { tries: () => attempt, stop: () => observer.disconnect() }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  document.head.innerHTML = ''
})

describe('loadScript', () => {
  it('injects one async tag for twenty callers and resolves them all', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['load'])
    const loads = Array.from({ length: 20 }, () => loadScript(url))
    await expect(Promise.all(loads)).resolves.toHaveLength(20)
    expect(tagsFor(url)).toHaveLength(1)
    await loadScript(url)
    expect(tagsFor(url)).toHaveLength(1)
  })

  it('sets the CSP nonce as an attribute, which is what browsers expose to the page', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['load'])
    await loadScript(url, { nonce: 'r4nd0m' })
    expect(tagsFor(url)[0]!.getAttribute('nonce')).toBe('r4nd0m')
  })

  it('adopts a tag already on the page instead of adding another', async () => {
    const url = uniqueUrl()
    const existing = document.createElement('script')
    existing.src = url
    document.head.appendChild(existing)
    const load = loadScript(url)
    existing.dispatchEvent(new Event('load'))
    await load
    expect(tagsFor(url)).toEqual([existing])
  })

  it('retries with exponential backoff, removing the failed tag first, and leaves one tag', async () => {
    const url = uniqueUrl()
    const answers = answerScripts(url, ['error', 'error', 'load'])
    const load = loadScript(url, { attempts: 3, baseDelayMs: 100 })
    await vi.advanceTimersByTimeAsync(0)
    expect(answers.tries()).toBe(1)
    expect(tagsFor(url)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(99)
    expect(answers.tries()).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(answers.tries()).toBe(2)
    await vi.advanceTimersByTimeAsync(199)
    expect(answers.tries()).toBe(2)
    await vi.advanceTimersByTimeAsync(1)
    await expect(load).resolves.toBeUndefined()
    expect(answers.tries()).toBe(3)
    expect(tagsFor(url)).toHaveLength(1)
  })

  it('times out each try, removes the tag, and rejects with script-timeout after the last', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['hang'])
    const load = loadScript(url, { attempts: 2, timeoutMs: 1000, baseDelayMs: 10 })
    const outcome = load.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1000)
    expect(tagsFor(url)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(10 + 1000)
    const error = await outcome
    expect(error).toBeInstanceOf(CaptchaError)
    expect((error as CaptchaError).code).toBe('script-timeout')
    expect(tagsFor(url)).toHaveLength(0)
  })

  it('asks for a URL of its own after a failed try: a stalled request is never reused', async () => {
    // A document with no failed try yet: the module afresh.
    vi.resetModules()
    const { loadScript } = await import('./load-script')
    const url = uniqueUrl() + '?render=explicit&hl=en%20GB'
    const base = url.split('?')[0]!
    const requested: string[] = []
    const observer = new MutationObserver(() => {
      for (const tag of document.scripts) {
        if (tag.dataset.seen) continue
        tag.dataset.seen = 'yes'
        requested.push(tag.src)
      }
    })
    observer.observe(document.head, { childList: true })
    // Two tries that hang (a browser would keep their requests pending), then a new load.
    const first = loadScript(url, { attempts: 2, timeoutMs: 1000, baseDelayMs: 10 })
    const outcome = first.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1000 + 10 + 1000)
    expect(await outcome).toMatchObject({ code: 'script-timeout' })
    const second = loadScript(url, { attempts: 1 })
    await vi.advanceTimersByTimeAsync(0)
    tagsFor(base)[0]!.dispatchEvent(new Event('load'))
    await expect(second).resolves.toBeUndefined()
    observer.disconnect()
    expect(requested).toHaveLength(3)
    expect(new Set(requested).size).toBe(3)
    // The page's own parameters stay as written; the mark comes after them.
    expect(requested[0]).toBe(url)
    for (const src of requested.slice(1)) expect(src.startsWith(`${url}&retry=`)).toBe(true)
  })

  it('forgets a failed load so that a later call tries again', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['error', 'load'])
    await expect(loadScript(url, { attempts: 1 })).rejects.toMatchObject({
      code: 'script-load-failed',
    })
    await expect(loadScript(url, { attempts: 1 })).resolves.toBeUndefined()
    expect(tagsFor(url)).toHaveLength(1)
  })

  it('lets one caller abort without cancelling the load others wait for', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['hang'])
    const controller = new AbortController()
    const aborted = loadScript(url, { signal: controller.signal })
    const other = loadScript(url)
    controller.abort()
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' })
    tagsFor(url)[0]!.dispatchEvent(new Event('load'))
    await expect(other).resolves.toBeUndefined()
  })

  it('rejects at once for a signal that is already aborted', async () => {
    const url = uniqueUrl()
    await expect(loadScript(url, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'aborted',
    })
  })

  it('leaves no timer behind after success', async () => {
    const url = uniqueUrl()
    answerScripts(url, ['load'])
    await loadScript(url, { timeoutMs: 5000 })
    expect(vi.getTimerCount()).toBe(0)
  })
})
