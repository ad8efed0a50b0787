// @passline/core with a self-hosted provider (ALTCHA, Cap) or Friendly Captcha: mounted, then
// getToken() at once, as an invisible flow does. Built once per provider (`BENCH_PROVIDER`).
import { createCaptcha } from '@passline/core'

declare const BENCH_PROVIDER: 'altcha' | 'cap' | 'friendlycaptcha'

export interface SelfHostedOptions {
  siteKey: string
  scriptUrl: string
}

declare global {
  interface Window {
    benchSelfHosted: { token(options: SelfHostedOptions): Promise<number> }
  }
}

window.benchSelfHosted = {
  async token({ siteKey, scriptUrl }) {
    const start = performance.now()
    const captcha = createCaptcha({
      provider: BENCH_PROVIDER,
      siteKey,
      scriptUrl,
      execution: 'execute',
    })
    captcha.mount(document.getElementById('root')!)
    await captcha.getToken()
    const elapsed = performance.now() - start
    captcha.destroy()
    return elapsed
  },
}
