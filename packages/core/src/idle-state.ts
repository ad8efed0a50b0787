import type { CaptchaState } from './types'

/**
 * The snapshot before anything started (and after a destroy): one frozen object, shared, so a
 * binding that has no controller yet (server rendering, an element without a site key) gives
 * the same reference the controller itself starts from.
 */
export const IDLE_STATE: CaptchaState = /* @__PURE__ */ Object.freeze({
  status: 'idle',
  token: null,
  expiresAt: null,
  error: null,
})
