// Type tests: checked by `pnpm typecheck` (tsc), never run.
import { ref, type ComputedRef } from 'vue'
import { expectTypeOf } from 'vitest'
import {
  useCaptcha,
  type Captcha,
  type CaptchaState,
  type CaptchaStatus,
  type UseCaptchaReturn,
} from './index'

declare const api: UseCaptchaReturn
expectTypeOf(api.status).toEqualTypeOf<ComputedRef<CaptchaStatus>>()
expectTypeOf(api.token.value).toEqualTypeOf<string | null>()
expectTypeOf(api.getToken).returns.resolves.toBeString()
expectTypeOf(api.containerRef.value).toEqualTypeOf<HTMLElement | null>()

export function optionTypes() {
  useCaptcha({ action: 'login' })
  useCaptcha(() => ({ siteKey: 'k', language: ref('en').value }))
  useCaptcha(ref({ siteKey: 'k', product: 'bind' as const }))
  // @ts-expect-error themes are auto, light or dark
  useCaptcha({ theme: 'blue' })
}

type Props = InstanceType<typeof Captcha>['$props']
expectTypeOf<Props['theme']>().toEqualTypeOf<'auto' | 'light' | 'dark' | undefined>()
expectTypeOf<Props['siteKey']>().toEqualTypeOf<string | undefined>()
expectTypeOf<NonNullable<Props['onVerify']>>().parameter(0).toEqualTypeOf<string>()
expectTypeOf<NonNullable<Props['onStatus-change']>>().parameter(0).toEqualTypeOf<CaptchaStatus>()

// A template ref's instance carries what <Captcha> exposes.
type Instance = InstanceType<typeof Captcha>
expectTypeOf<Instance['consume']>().returns.resolves.toBeString()
expectTypeOf<Instance['getState']>().returns.toEqualTypeOf<CaptchaState>()
expectTypeOf<Instance>().toHaveProperty('execute')
