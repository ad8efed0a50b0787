import { createContext, useContext, type ReactNode } from 'react'
import type { CaptchaOptions } from '@passline/core'

/** App-wide defaults: typically `provider`, `siteKey`, `scriptUrl`, `nonce`, `language`. */
export type CaptchaDefaults = Partial<CaptchaOptions>

const CaptchaConfigContext = /* @__PURE__ */ createContext<CaptchaDefaults>({})

/**
 * Sets defaults for every `useCaptcha` and `<Captcha>` below it; their own options win.
 * @example <CaptchaConfigProvider value={{ siteKey: 'app-key', scriptUrl }}>…</CaptchaConfigProvider>
 */
export function CaptchaConfigProvider({
  value,
  children,
}: {
  value: CaptchaDefaults
  children?: ReactNode
}) {
  return <CaptchaConfigContext.Provider value={value}>{children}</CaptchaConfigContext.Provider>
}

export function useCaptchaDefaults(): CaptchaDefaults {
  return useContext(CaptchaConfigContext)
}
