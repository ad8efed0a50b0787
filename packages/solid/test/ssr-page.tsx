// The page both server tests share: rendered to a string in Node (server.ssr.test.tsx), and
// that same markup hydrated in the browser (hydration.test.tsx).
import { Captcha, CaptchaConfigProvider, useCaptcha, type CaptchaDefaults } from '../src/index'

function SignupForm() {
  const captcha = useCaptcha(() => ({ action: 'signup' }))
  return (
    <form>
      <div ref={captcha.ref} data-status={captcha.status()} />
    </form>
  )
}

export function ServerPage(props: { defaults: CaptchaDefaults }) {
  return (
    <CaptchaConfigProvider value={props.defaults}>
      <Captcha action="login" class="box" />
      <SignupForm />
    </CaptchaConfigProvider>
  )
}
