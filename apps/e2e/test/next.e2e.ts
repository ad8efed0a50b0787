// The Next.js sample, built with `next build` and served by Next's own production server.
import { solveChallenge } from '@passline/mock-server'
import { expect, it } from 'vitest'
import { frameworkSuite } from './framework-suite'
import { startNext } from './framework-servers'

frameworkSuite({
  name: 'next-demo',
  submits: { 'server action': '#submit', 'route handler': '#submit-route' },
  extra(urls) {
    it('validates in an Edge route handler, once', async () => {
      const { mock, app } = urls()
      const { token } = await solveChallenge(mock, {
        appKey: 'test_pass_invisible',
        action: 'signup',
      })
      const verify = () =>
        fetch(`${app}/api/verify-edge`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ captchaToken: token }),
        }).then(async (response) => ({ status: response.status, body: await response.json() }))
      expect(await verify()).toEqual({ status: 200, body: { valid: true, error: null } })
      expect(await verify()).toEqual({
        status: 403,
        body: { valid: false, error: 'token_consumed' },
      })
    })
  },
  start: startNext,
})
