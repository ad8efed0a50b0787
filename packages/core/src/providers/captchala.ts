import type { CaptchaErrorCode } from '../errors'
import type { ProviderFactory } from '../provider'
import type { CaptchalaOptions } from '../types'
import {
  captchalaErrorCode,
  loadCaptchalaSdk,
  type CaptchalaGlobal,
  type CaptchalaInstance,
} from './captchala-sdk'

// CaptchaLa does not document a pass-token lifetime; its server tokens default to 300 s.
const CAPTCHALA_TOKEN_TTL_MS = 300_000
// Errors after which CaptchaLa's own CMS boot script asks its backend for a new server token:
// the `server_token_*` family and `token_`, `challenge_` and `session_expired`.
const REISSUE_CODES = /^server_token_|_expired$/
const CHALLENGE_FAILED_CODES = /^(challenge_failed|invalid_answer)$/
const MAX_REISSUES_IN_A_ROW = 2
// Options that the live widget cannot take in place: changing one renders it anew.
const RENDER_KEYS = ['theme', 'action', 'product', 'execution', 'serverToken'] as const

export const createDriver: ProviderFactory = (getOptions, loaders) => {
  // A re-issued server token lives here, apart from the caller's options, so that a re-render
  // cannot bring back the expired one; it applies while the caller's `serverToken` is still the
  // one it `replaces`. None yet means the caller's one was rejected and a new one must be issued.
  let reissued: string | undefined
  let replaces: string | undefined
  let reissuesInARow = 0
  let sdk: CaptchalaGlobal

  return {
    tokenTtlMs_: CAPTCHALA_TOKEN_TTL_MS,

    async load_() {
      sdk = await loadCaptchalaSdk(getOptions(), loaders)
    },

    render_(container, events) {
      const options = getOptions() as CaptchalaOptions
      const { getServerToken } = options
      let instance: CaptchalaInstance | undefined
      let destroyed = false
      let attached = false

      const fail = (code: CaptchaErrorCode, cause: unknown, providerCode?: string) => {
        if (!destroyed) events.error_(code, { providerCode, cause })
      }

      const attach = () => {
        if (attached) return
        attached = true
        instance![options.product === 'bind' ? 'bindTo' : 'appendTo'](container)
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
            if (!destroyed) events.ready_()
          })
          .onSuccess(({ token, expires_in: seconds }) => {
            if (destroyed) return
            reissuesInARow = 0
            events.token_(token, seconds! > 0 ? seconds! * 1000 : undefined)
          })
          .onError((error) => {
            if (destroyed) return
            const providerCode = captchalaErrorCode(error)
            if (providerCode && REISSUE_CODES.test(providerCode) && getServerToken) {
              // Rendering anew issues a new token first; a pending challenge carries over.
              if (reissuesInARow++ < MAX_REISSUES_IN_A_ROW) {
                reissued = undefined
                replaces = options.serverToken
                return events.rerender_()
              }
              reissuesInARow = 0
              return fail('server-token-failed', error, providerCode)
            }
            fail(
              providerCode && CHALLENGE_FAILED_CODES.test(providerCode)
                ? 'challenge-failed'
                : 'provider-error',
              error,
              providerCode,
            )
          })
          .onClose(() => {
            if (!destroyed) events.close_()
          })
        if (options.execution !== 'execute') attach()
      }

      const serverToken = replaces === options.serverToken ? reissued : options.serverToken
      if (serverToken || !getServerToken) init(serverToken)
      else
        // Through a promise, so that one that throws instead of rejecting is caught all the same.
        Promise.resolve()
          .then(getServerToken)
          .then(
            (token) => {
              reissued = token
              replaces = options.serverToken
              if (token) init(token)
            },
            (cause: unknown) => fail('server-token-failed', cause),
          )

      return {
        execute_() {
          attach()
          instance!.verify()
        },
        reset_() {
          instance?.reset()
        },
        // A method's parameters may be narrower: this widget only ever sees CaptchaLa's options.
        update_(next: CaptchalaOptions, previous: CaptchalaOptions) {
          const inPlace = RENDER_KEYS.every((key) => next[key] === previous[key])
          if (inPlace && next.language !== previous.language)
            instance?.setLang(next.language ?? 'auto')
          return inPlace
        },
        destroy_() {
          destroyed = true
          instance?.destroy()
        },
      }
    },
  }
}
