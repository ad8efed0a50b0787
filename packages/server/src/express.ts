import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Verification } from './guard'

export type { GuardOptions, TokenSource, Verification } from './guard'

/** A request that passed `requireCaptcha`: the verification is on `captcha`. */
export interface CaptchaRequest<Result extends Verification = Verification> extends Request {
  captcha: Result
}

/**
 * Express middleware that lets a request through only with a valid CAPTCHA token, as
 * `req.captcha` (typed by `CaptchaRequest`) and `res.locals.captcha`; otherwise answers 403
 * `{ error: 'captcha_failed', reason }`. Reads the body, so put a body parser
 * (`express.json()` / `express.urlencoded()`) before it.
 */
export function requireCaptcha<Result extends Verification>(
  options: GuardOptions<Request, Result>,
): RequestHandler {
  const { verify, tokenFrom } = options
  return (request: Request, response: Response, next: NextFunction) => {
    selectToken(
      tokenFrom,
      request,
      () => request.get(TOKEN_HEADER),
      () => request.body,
    )
      .then((token) => decide(token, request, verify))
      .then((decision) => {
        if (!decision.pass)
          return void response.status(decision.refusal.status).json(decision.refusal.body)
        ;(request as CaptchaRequest<Result>).captcha = decision.result
        response.locals.captcha = decision.result
        next()
      }, next)
  }
}
