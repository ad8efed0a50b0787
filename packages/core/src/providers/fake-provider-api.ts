// Test-only stand-in for the Turnstile, hCaptcha and reCAPTCHA browser APIs: it answers their
// script tags (by URL), defines the global, calls the script URL's `onload`, and records every
// rendered widget so a test can play the provider's callbacks.
type Callback = (...args: unknown[]) => unknown

export interface FakeProviderWidget {
  readonly id: string | number
  readonly host: HTMLElement
  readonly params: Record<string, unknown>
  readonly api: FakeProviderApi
  resets: number
  executes: number
  removed: boolean
  data: unknown
  /** Calls the named render callback (`callback`, `error-callback`, ...). */
  call(name: string, ...args: unknown[]): unknown
}

export interface FakeProviderApi {
  render(host: HTMLElement, params: Record<string, unknown>): string | number
  reset(id?: string | number): void
  remove(id?: string | number): void
  execute(idOrSiteKey?: string | number, options?: object): Promise<string> | undefined
  ready(callback: () => void): void
  setData(id: string, data: unknown): void
}

export interface FakeProvider {
  /** Script URLs requested, in order. */
  readonly scripts: URL[]
  readonly widgets: FakeProviderWidget[]
  latest(): FakeProviderWidget
  /** v3 `execute(siteKey, options)` calls. */
  readonly scoreRequests: { siteKey: unknown; options: unknown }[]
  restore(): void
}

let installs = 0

export function installFakeProvider(
  globalName: 'turnstile' | 'hcaptcha' | 'grecaptcha',
  { numericIds = globalName === 'grecaptcha', script = 'load' as 'load' | 'error' } = {},
): FakeProvider & { scriptUrl: string } {
  const win = window as unknown as Record<string, unknown>
  const scriptUrl = `https://${globalName}.fake/${++installs}/api.js`
  const scripts: URL[] = []
  const widgets: FakeProviderWidget[] = []
  const scoreRequests: FakeProvider['scoreRequests'] = []
  let tokens = 0

  const makeApi = (): FakeProviderApi => {
    const find = (id?: string | number) =>
      widgets.find((widget) => widget.api === api && (id === undefined || widget.id === id))
    const api: FakeProviderApi = {
      render(host, params) {
        const id = numericIds ? widgets.length : `${globalName}-${widgets.length}`
        widgets.push({
          id,
          host,
          params,
          api,
          resets: 0,
          executes: 0,
          removed: false,
          data: undefined,
          call: (name, ...args) => (params[name] as Callback | undefined)?.(...args),
        })
        return id
      },
      reset: (id) => void (find(id)!.resets += 1),
      remove: (id) => void (find(id)!.removed = true),
      execute(idOrSiteKey, options) {
        const widget =
          typeof idOrSiteKey === 'string' && !find(idOrSiteKey) ? null : find(idOrSiteKey)
        if (widget) {
          widget.executes += 1
          return undefined
        }
        scoreRequests.push({ siteKey: idOrSiteKey, options })
        return Promise.resolve(`v3_token_${++tokens}`)
      },
      ready: (callback) => queueMicrotask(callback),
      setData: (id, data) => void (find(id)!.data = data),
    }
    // reCAPTCHA has no remove().
    if (globalName === 'grecaptcha') delete (api as Partial<FakeProviderApi>).remove
    return api
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLScriptElement) || !node.src.startsWith(scriptUrl)) continue
        const url = new URL(node.src)
        scripts.push(url)
        if (script === 'error') {
          node.dispatchEvent(new Event('error'))
          continue
        }
        win[globalName] = makeApi()
        node.dispatchEvent(new Event('load'))
        const onload = url.searchParams.get('onload')
        // The real scripts fetch more before they call `onload`.
        if (onload) setTimeout(() => (win[onload] as Callback)(), 0)
      }
    }
  })
  observer.observe(document, { childList: true, subtree: true })

  return {
    scriptUrl,
    scripts,
    widgets,
    scoreRequests,
    latest() {
      const widget = widgets.at(-1)
      if (!widget) throw new Error(`no ${globalName} widget was rendered`)
      return widget
    },
    restore() {
      observer.disconnect()
      delete win[globalName]
    },
  }
}
