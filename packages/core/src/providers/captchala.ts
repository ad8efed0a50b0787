import { CaptchaError, type CaptchaErrorCode } from '../errors'
import type { ProviderFactory, Widget } from '../provider'
import type { CaptchalaOptions, CaptchaOptions } from '../types'
import {
  captchalaErrorCode,
  loadCaptchalaSdk,
  type CaptchalaGlobal,
  type CaptchalaInstance,
} from './captchala-sdk'

export const CAPTCHALA_LOADER_URL = 'https://cdn.captcha-cdn.net/captchala-loader.js'
// CaptchaLa does not document a pass-token lifetime; its server tokens default to 300 s.
const CAPTCHALA_TOKEN_TTL_MS = 300_000
// Errors after which CaptchaLa's own CMS boot script asks its backend for a new server token.
const REISSUE_CODES =
  /^(server_token_(required|invalid|exhausted|app_mismatch|binding_mismatch|expired)|token_expired|challenge_expired|session_expired)$/
const CHALLENGE_FAILED_CODES = /^(challenge_failed|invalid_answer|too_many_attempts)$/
const MAX_REISSUES_IN_A_ROW = 2

export const createCaptchalaDriver: ProviderFactory = (getOptions) => {
  const current = () => getOptions() as CaptchalaOptions
  // A re-issued server token lives here, apart from the caller's options, so that a re-render
  // cannot bring back the expired one; it applies while the caller's `serverToken` is unchanged.
  let reissued: { token: string; replaces: string | undefined } | null = null
  let sdk: CaptchalaGlobal | null = null

  const serverTokenFromOptions = () => {
    const { serverToken } = current()
    return reissued && reissued.replaces === serverToken ? reissued.token : serverToken
  }

  return {
    tokenTtlMs: CAPTCHALA_TOKEN_TTL_MS,

    async load() {
      const { scriptUrl, nonce, loadTimeoutMs, retry } = current()
      sdk = await loadCaptchalaSdk(scriptUrl ?? CAPTCHALA_LOADER_URL, {
        nonce,
        timeoutMs: loadTimeoutMs,
        attempts: retry?.attempts,
        baseDelayMs: retry?.baseDelayMs,
      })
    },

    render(container, events): Widget {
      let instance: CaptchalaInstance | null = null
      let destroyed = false
      let ready = false
      let announcedReady = false
      let executePending = false
      let attached = false
      let reissuesInARow = 0

      const fail = (code: CaptchaErrorCode, providerCode?: string, cause?: unknown) =>
        events.error(new CaptchaError(code, { providerCode, cause }))

      const fetchServerToken = async (): Promise<string | undefined> => {
        const { getServerToken, serverToken } = current()
        try {
          const token = await getServerToken!()
          reissued = { token, replaces: serverToken }
          return token
        } catch (cause) {
          if (!destroyed) fail('server-token-failed', undefined, cause)
          return undefined
        }
      }

      const attach = () => {
        if (attached || !instance) return
        attached = true
        if (current().product === 'bind') instance.bindTo(container)
        else instance.appendTo(container)
      }

      const start = async () => {
        const options = current()
        let serverToken = serverTokenFromOptions()
        if (!serverToken && options.getServerToken) serverToken = await fetchServerToken()
        if (destroyed || (options.getServerToken && !serverToken)) return
        ready = false
        attached = false
        instance = sdk!
          .init({
            appKey: options.siteKey,
            product: options.product ?? 'embed',
            action: options.action,
            lang: options.language ?? 'auto',
            theme: options.theme ?? 'auto',
            serverToken,
          })
          .onReady(() => {
            if (destroyed) return
            ready = true
            if (!announcedReady) {
              announcedReady = true
              events.ready()
            }
            if (executePending) run()
          })
          .onSuccess((result) => {
            if (destroyed) return
            reissuesInARow = 0
            const seconds = result.expires_in
            events.token(result.token, typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined)
          })
          .onError((error) => {
            if (destroyed) return
            const providerCode = captchalaErrorCode(error)
            if (providerCode && REISSUE_CODES.test(providerCode) && current().getServerToken) {
              if (reissuesInARow < MAX_REISSUES_IN_A_ROW) {
                reissuesInARow += 1
                return void reissue()
              }
              return fail('server-token-failed', providerCode, error)
            }
            executePending = false
            const code = providerCode && CHALLENGE_FAILED_CODES.test(providerCode) ? 'challenge-failed' : 'provider-error'
            fail(code, providerCode, error)
          })
          .onClose(() => {
            if (destroyed) return
            executePending = false
            events.close()
          })
        if (options.execution !== 'execute') attach()
      }

      const reissue = async () => {
        const wasExecuting = executePending || attached
        instance?.destroy()
        instance = null
        if (!(await fetchServerToken()) || destroyed) return
        executePending = wasExecuting
        await start()
      }

      const run = () => {
        executePending = false
        attach()
        instance!.verify()
      }

      void start()

      return {
        execute() {
          executePending = true
          if (ready && instance) run()
        },
        reset() {
          executePending = false
          instance?.reset()
        },
        update(next: CaptchaOptions, previous: CaptchaOptions) {
          const a = next as CaptchalaOptions
          const b = previous as CaptchalaOptions
          const inPlace =
            a.theme === b.theme &&
            a.action === b.action &&
            a.product === b.product &&
            a.execution === b.execution &&
            a.serverToken === b.serverToken
          if (inPlace && a.language !== b.language) instance?.setLang(a.language ?? 'auto')
          return inPlace
        },
        destroy() {
          destroyed = true
          instance?.destroy()
          instance = null
        },
      }
    },
  }
}
