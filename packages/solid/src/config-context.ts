import { createComponent, createContext, useContext, type Component } from 'solid-js'
import type { CaptchaDefaults } from '@passline/core'
import { isSolid2, type SolidElement } from './solid-major'

export type { CaptchaDefaults }

const NO_DEFAULTS = () => ({})

// Carries a getter, so a provider whose `value` changes reaches the captchas below it.
const CaptchaConfigContext = /* @__PURE__ */ createContext<() => CaptchaDefaults>(NO_DEFAULTS)

/**
 * Sets defaults for every `useCaptcha` and `<Captcha>` below it; their own options win.
 * `value` is tracked: a signal read in it (`value={{ language: language() }}`) reaches them.
 * @example <CaptchaConfigProvider value={{ siteKey: 'app-key', scriptUrl }}>…</CaptchaConfigProvider>
 */
export function CaptchaConfigProvider(props: {
  value: CaptchaDefaults
  children?: SolidElement
}): SolidElement {
  return createComponent(
    // Solid 2's context is its own provider; Solid 1's has one.
    (isSolid2 ? CaptchaConfigContext : CaptchaConfigContext.Provider) as Component<{
      value: () => CaptchaDefaults
      children?: SolidElement
    }>,
    {
      value: () => props.value,
      get children() {
        return props.children
      },
    },
  )
}

/** The defaults set above, as a getter. */
export function useCaptchaDefaults(): () => CaptchaDefaults {
  return useContext(CaptchaConfigContext)
}
