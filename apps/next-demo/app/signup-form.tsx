'use client'
// useCaptcha runs in the browser, so this component is a Client Component.
import { isCaptchaError, useCaptcha } from '@passline/react'
import { useState, type FormEvent } from 'react'
import type { SignupOutcome } from '../lib/signup'
import { signupAction } from './actions'

export function SignupForm({ siteKey, scriptUrl }: { siteKey: string; scriptUrl: string }) {
  const [serverToken, setServerToken] = useState<string>()
  const [result, setResult] = useState('')
  const captcha = useCaptcha({
    siteKey,
    scriptUrl,
    action: 'signup',
    execution: 'execute',
    ...(serverToken && { serverToken }),
  })

  async function submit(event: FormEvent<HTMLFormElement>, via: 'action' | 'route') {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setResult('Checking…')
    try {
      const token = await captcha.consume({ minTtlMs: 2000 })
      let outcome: SignupOutcome
      if (via === 'action') {
        form.set('captchaToken', token)
        outcome = await signupAction(form)
      } else {
        const response = await fetch('/api/signup', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: form.get('email'), captchaToken: token }),
        })
        outcome = (await response.json()) as SignupOutcome
      }
      setResult(outcome.message)
      if (outcome.serverToken) setServerToken(outcome.serverToken)
    } catch (error) {
      // The code is for you; the words are for the person, who keeps what they typed.
      setResult(
        isCaptchaError(error)
          ? `The security check could not finish (${error.code}). It tries again by itself: submit again in a moment.`
          : 'The network failed. Submit again.',
      )
    }
  }

  return (
    <form
      id="signup"
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter
        void submit(event, submitter?.id === 'submit-route' ? 'route' : 'action')
      }}
    >
      <label>
        Email <input name="email" type="email" required />
      </label>
      <div id="captcha" ref={captcha.ref} />
      <button id="submit" type="submit">
        Create account (server action)
      </button>
      <button id="submit-route" type="submit">
        Create account (route handler)
      </button>
      <p id="status" role="status">
        Captcha: {captcha.status}
        {captcha.error ? ` (${captcha.error.code})` : ''}
      </p>
      <p id="result" role="alert">
        {result}
      </p>
    </form>
  )
}
