/**
 * A fake CaptchaLa SDK for tests (jsdom or happy-dom): it answers the loader `<script>` tag,
 * defines `window.loadCaptchala` and `window.Captchala` with the real contract, and lets a
 * test solve, fail, close or expire each widget. Used by Passline's own tests and published
 * as `@passline/core/testing` for yours.
 */
// The controller fetches the CaptchaLa adapter as a chunk on its first mount, and a test cannot
// wait for a fetch (fake timers do not; a zero-delay settle may not). So this entry has the
// adapter in memory before a test mounts: imported here where the sources run unbundled, and
// the built chunk requested as this module loads (a bundler may drop a bare import).
import './providers/captchala'
import type {
  CaptchalaConfig,
  CaptchalaInstance,
  CaptchalaSuccess,
  CaptchalaWindow,
} from './providers/captchala-sdk'

export type FakeLoadOutcome = 'load' | 'error' | 'hang'

export interface FakeCaptchalaOptions {
  /** How the loader `<script>` answers; a function gets the 0-based try number. Default `'load'`. */
  script?: FakeLoadOutcome | ((attempt: number) => FakeLoadOutcome)
  /** How `loadCaptchala()` answers. Default `'load'`. */
  sdk?: FakeLoadOutcome
  /**
   * What a new widget does after `Captchala.init`: report ready (default), never report
   * anything (an SDK stuck before ready), or report this CaptchaLa error code (an unknown app key).
   */
  init?: 'ready' | 'hang' | { error: string }
  /** What `verify()` does: `'pass'` solves at once (an invisible key), `'fail'`, or `'manual'`: wait for `solve()`. Default `'pass'`. */
  verify?: 'pass' | 'fail' | 'manual'
  /** `expires_in` sent with each token, in seconds. Omit to send none. */
  tokenTtlSeconds?: number
  /** Return a CaptchaLa error code to reject a server token at `verify()`. */
  checkServerToken?: (serverToken: string | undefined) => string | null
}

export interface FakeCaptchalaWidget {
  readonly config: CaptchalaConfig
  /** Where it was attached, and how; null until `appendTo`/`bindTo`. */
  readonly container: HTMLElement | null
  readonly attachedBy: 'appendTo' | 'bindTo' | null
  readonly verifyCalls: number
  readonly resetCalls: number
  readonly destroyed: boolean
  readonly lang: string | undefined
  /** Completes the challenge as the user would. */
  solve(token?: string, expiresInSeconds?: number): void
  fail(code: string): void
  close(): void
}

export interface FakeCaptchala {
  /**
   * A loader URL of this install's own, for `scriptUrl`: loads are shared per URL on a page,
   * so a fresh URL keeps one test from being served another's SDK.
   */
  readonly scriptUrl: string
  /** Every widget `Captchala.init` created, oldest first. */
  readonly widgets: FakeCaptchalaWidget[]
  /** The newest widget. Throws when there is none. */
  latest(): FakeCaptchalaWidget
  /** Widgets not destroyed. */
  live(): FakeCaptchalaWidget[]
  /** URLs of the loader `<script>` tags answered so far, one per try. */
  readonly scriptRequests: string[]
  /** How often `loadCaptchala()` was called. */
  readonly sdkLoads: number
  /** Change behaviour mid-test. */
  options: FakeCaptchalaOptions
  /** Removes the globals and stops answering script tags. */
  restore(): void
}

const LOADER_PATTERN = /captchala-loader\.js/
// See the import of the same module above.
void import('./providers/captchala')
let installs = 0

export function installFakeCaptchala(initial: FakeCaptchalaOptions = {}): FakeCaptchala {
  const win = window as unknown as CaptchalaWindow
  const widgets: FakeWidget[] = []
  const scriptRequests: string[] = []
  let sdkLoads = 0
  let tokenCount = 0

  const fake: FakeCaptchala = {
    scriptUrl: `https://captchala.fake/${++installs}/captchala-loader.js`,
    widgets,
    latest() {
      const widget = widgets[widgets.length - 1]
      if (!widget) throw new Error('no CaptchaLa widget was created')
      return widget
    },
    live: () => widgets.filter((widget) => !widget.destroyed),
    scriptRequests,
    get sdkLoads() {
      return sdkLoads
    },
    options: initial,
    restore() {
      observer.disconnect()
      delete win.loadCaptchala
      delete win.Captchala
    },
  }

  const captchala = {
    init(config: CaptchalaConfig): CaptchalaInstance {
      const widget = new FakeWidget(config, fake, () => `pt_fake_${++tokenCount}`)
      widgets.push(widget)
      return widget.instance
    },
  }

  const answerScript = (script: HTMLScriptElement) => {
    const attempt = scriptRequests.length
    scriptRequests.push(script.src)
    const rule = fake.options.script ?? 'load'
    const outcome = typeof rule === 'function' ? rule(attempt) : rule
    if (outcome === 'hang') return
    if (outcome === 'load') {
      win.loadCaptchala = (onLoaded, onError) => {
        sdkLoads += 1
        const sdk = fake.options.sdk ?? 'load'
        if (sdk === 'hang') return
        queueMicrotask(() => {
          if (sdk === 'error') return onError(new Error('sdk failed'))
          win.Captchala = captchala
          onLoaded()
        })
      }
    }
    script.dispatchEvent(new Event(outcome))
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLScriptElement && LOADER_PATTERN.test(node.src)) answerScript(node)
      }
    }
  })
  observer.observe(document, { childList: true, subtree: true })
  return fake
}

class FakeWidget implements FakeCaptchalaWidget {
  container: HTMLElement | null = null
  attachedBy: 'appendTo' | 'bindTo' | null = null
  verifyCalls = 0
  resetCalls = 0
  destroyed = false
  lang: string | undefined
  readonly instance: CaptchalaInstance
  private readonly handlers: {
    ready?: () => void
    success?: (result: CaptchalaSuccess) => void
    error?: (error: unknown) => void
    close?: () => void
  } = {}
  private element: HTMLElement | null = null

  constructor(
    readonly config: CaptchalaConfig,
    private readonly fake: FakeCaptchala,
    private readonly nextToken: () => string,
  ) {
    this.lang = config.lang
    const chain = (run: () => void) => {
      run()
      return this.instance
    }
    this.instance = {
      onReady: (handler) => chain(() => (this.handlers.ready = handler)),
      onSuccess: (handler) => chain(() => (this.handlers.success = handler)),
      onError: (handler) => chain(() => (this.handlers.error = handler)),
      onClose: (handler) => chain(() => (this.handlers.close = handler)),
      appendTo: (target) => chain(() => this.attach(target, 'appendTo')),
      bindTo: (target) => chain(() => this.attach(target, 'bindTo')),
      verify: () => chain(() => this.verify()),
      reset: () => chain(() => this.resetCalls++),
      setLang: (lang) => chain(() => (this.lang = lang)),
      destroy: () => {
        this.destroyed = true
        this.element?.remove()
      },
    }
    const init = fake.options.init ?? 'ready'
    queueMicrotask(() => {
      if (!this.live() || init === 'hang') return
      if (init === 'ready') this.handlers.ready?.()
      else this.fail(init.error)
    })
  }

  solve(token = this.nextToken(), expiresInSeconds = this.fake.options.tokenTtlSeconds) {
    if (!this.live()) return
    const result: CaptchalaSuccess = { token }
    if (expiresInSeconds !== undefined) result.expires_in = expiresInSeconds
    this.handlers.success?.(result)
  }

  fail(code: string) {
    if (this.live()) this.handlers.error?.({ code, message: `CaptchaLa error (${code})` })
  }

  close() {
    if (this.live()) this.handlers.close?.()
  }

  private live() {
    return !this.destroyed
  }

  private attach(target: string | HTMLElement, how: 'appendTo' | 'bindTo') {
    const element =
      typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target
    this.container = element
    this.attachedBy = how
    if (how === 'appendTo' && element) {
      this.element = document.createElement('div')
      this.element.setAttribute('data-fake-captchala', this.config.appKey)
      element.appendChild(this.element)
    }
  }

  private verify() {
    this.verifyCalls++
    const rejection = this.fake.options.checkServerToken?.(this.config.serverToken)
    if (rejection) return queueMicrotask(() => this.fail(rejection))
    const mode = this.fake.options.verify ?? 'pass'
    if (mode === 'pass') queueMicrotask(() => this.solve())
    if (mode === 'fail') queueMicrotask(() => this.fail('challenge_failed'))
  }
}
