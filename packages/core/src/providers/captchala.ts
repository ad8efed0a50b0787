import { CaptchaError, type CaptchaErrorCode } from '../errors'
import type { ProviderFactory } from '../provider'
import type { CaptchalaOptions } from '../types'
import {
  captchalaErrorCode,
  loadCaptchalaSdk,
  type CaptchalaGlobal,
  type CaptchalaInstance,
} from './captchala-sdk'

export const CAPTCHALA_LOADER_URL = 'https://cdn.captcha-cdn.net/captchala-loader.js'
// CaptchaLa does not document a pass-token lifetime; its server tokens default to 300 s.
const CAPTCHALA_TOKEN_TTL_MS = 300_000
// Errors after which CaptchaLa's own CMS boot script asks its backend for a new server token:
// the `server_token_*` family and `token_`, `challenge_` and `session_expired`.
const REISSUE_CODES = /^server_token_|_expired$/
const CHALLENGE_FAILED_CODES = /^(challenge_failed|invalid_answer)$/
const MAX_REISSUES_IN_A_ROW = 2
// Options that the live widget cannot take in place: changing one renders it anew.
const RENDER_KEYS = ['theme', 'action', 'product', 'execution', 'serverToken'] as const

export const createCaptchalaDriver: ProviderFactory = (getOptions) => {
  const current = () => getOptions() as CaptchalaOptions
  // A re-issued server token lives here, apart from the caller's options, so that a re-render
  // cannot bring back the expired one; it applies while the caller's `serverToken` is unchanged.
  // No `token` yet means the caller's one was rejected and a new one must be issued.
  let reissued: { token?: string; replaces: string | undefined } = { replaces: undefined }
  let reissuesInARow = 0
  let sdk: CaptchalaGlobal

  return {
    tokenTtlMs: CAPTCHALA_TOKEN_TTL_MS,

    async load() {
      const { scriptUrl, nonce, loadTimeoutMs, retry } = current()
      sdk = await loadCaptchalaSdk(scriptUrl ?? CAPTCHALA_LOADER_URL, {
        ...retry,
        nonce,
        timeoutMs: loadTimeoutMs,
      })
    },

    render(container, events) {
      const options = current()
      let instance: CaptchalaInstance | undefined
      let destroyed = false
      let attached = false

      const fail = (code: CaptchaErrorCode, providerCode?: string, cause?: unknown) => {
        if (!destroyed) events.error(new CaptchaError(code, { providerCode, cause }))
      }

      const issueServerToken = async () => {
        try {
          const token = await options.getServerToken!()
          reissued = { token, replaces: options.serverToken }
          return token
        } catch (cause) {
          fail('server-token-failed', undefined, cause)
          return undefined
        }
      }

      const attach = () => {
        if (attached) return
        attached = true
        if (options.product === 'bind') instance!.bindTo(container)
        else instance!.appendTo(container)
      }

      const init = (serverToken: string | undefined) => {
        if (destroyed) return
        instance = sdk
          .init({
            appKey: options.siteKey,
            product: options.product ?? 'embed',
            action: options.action,
            lang: options.language ?? 'auto',
            theme: options.theme ?? 'auto',
            serverToken,
          })
          .onReady(() => {
            if (!destroyed) events.ready()
          })
          .onSuccess(({ token, expires_in: seconds }) => {
            if (destroyed) return
            reissuesInARow = 0
            events.token(token, seconds! > 0 ? seconds! * 1000 : undefined)
          })
          .onError((error) => {
            if (destroyed) return
            const providerCode = captchalaErrorCode(error)
            if (providerCode && REISSUE_CODES.test(providerCode) && options.getServerToken) {
              // Rendering anew issues a new token first; a pending challenge carries over.
              if (reissuesInARow++ < MAX_REISSUES_IN_A_ROW) {
                reissued = { replaces: options.serverToken }
                return events.rerender()
              }
              reissuesInARow = 0
              return fail('server-token-failed', providerCode, error)
            }
            fail(
              providerCode && CHALLENGE_FAILED_CODES.test(providerCode)
                ? 'challenge-failed'
                : 'provider-error',
              providerCode,
              error,
            )
          })
          .onClose(() => {
            if (!destroyed) events.close()
          })
        if (options.execution !== 'execute') attach()
      }

      const serverToken =
        reissued.replaces === options.serverToken ? reissued.token : options.serverToken
      if (serverToken || !options.getServerToken) init(serverToken)
      else void issueServerToken().then((token) => token && init(token))

      return {
        execute() {
          attach()
          instance!.verify()
        },
        reset() {
          instance?.reset()
        },
        update(next, previous) {
          const a = next as CaptchalaOptions
          const b = previous as CaptchalaOptions
          const inPlace = RENDER_KEYS.every((key) => a[key] === b[key])
          if (inPlace && a.language !== b.language) instance?.setLang(a.language ?? 'auto')
          return inPlace
        },
        destroy() {
          destroyed = true
          instance?.destroy()
        },
      }
    },
  }
}
