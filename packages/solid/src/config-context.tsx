import { createContext, useContext, type Component } from 'solid-js'
import type { CaptchaDefaults } from '@passline/core'
import type { SolidElement } from './solid-major'

export type { CaptchaDefaults }

const NO_DEFAULTS = () => ({})

// Carries a getter, so a provider whose `value` changes reaches the captchas below it.
const CaptchaConfigContext = /* @__PURE__ */ createContext<() => CaptchaDefaults>(NO_DEFAULTS)

/**
 * Whether the app runs Solid 2, told by a value both majors export (importing a name only one of
 * them has would fail to load under the other): Solid 2's context is itself its provider
 * component, with no `Provider` as Solid 1's has.
 */
export const isSolid2 = !CaptchaConfigContext.Provider

/**
 * Sets defaults for every `useCaptcha` and `<Captcha>` below it; their own options win.
 * `value` is tracked: a signal read in it (`value={{ language: language() }}`) reaches them.
 * @example <CaptchaConfigProvider value={{ siteKey: 'app-key', scriptUrl }}>…</CaptchaConfigProvider>
 */
export function CaptchaConfigProvider(props: {
  value: CaptchaDefaults
  children?: SolidElement
}): SolidElement {
  const Provider = (isSolid2 ? CaptchaConfigContext : CaptchaConfigContext.Provider) as Component<{
    value: () => CaptchaDefaults
    children?: SolidElement
  }>
  return <Provider value={() => props.value}>{props.children}</Provider>
}

/** The defaults set above, as a getter. */
export function useCaptchaDefaults(): () => CaptchaDefaults {
  return useContext(CaptchaConfigContext)
}
