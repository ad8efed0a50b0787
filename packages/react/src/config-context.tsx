import { createContext, useContext, type ReactNode } from 'react'
import type { CaptchaDefaults } from '@passline/core'

export type { CaptchaDefaults }

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
