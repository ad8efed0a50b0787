// readSignupRequest and signUp are this app's server utils (server/utils, auto-imported); the
// token is checked with @passline/nuxt's auto-imported verifyCaptcha, which fails closed.

/** `{ email, captchaToken }` as JSON: 201 and a welcome, or a refusal coded from `SIGNUP_ERRORS`. */
export default defineEventHandler(async (event) => {
  const request = await readSignupRequest(event)
  const outcome =
    'refusal' in request ? request.refusal : await signUp(event, request.email, request.token)
  setResponseStatus(event, outcome.error ? SIGNUP_ERRORS[outcome.error] : 201)
  if (outcome.retryAfter) setResponseHeader(event, 'retry-after', outcome.retryAfter)
  return outcome
})
