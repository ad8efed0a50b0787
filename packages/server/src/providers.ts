import { refuse, siteverify, type SiteverifyOptions, type VerifyResult } from './siteverify'
import { MAX_TOKEN_LENGTH } from './token-shape'

export interface TurnstileVerifyOptions extends SiteverifyOptions {
  /** A UUID: a retried request with the same key gets the same answer instead of a duplicate error. */
  idempotencyKey?: string
}

/** Cloudflare Turnstile's siteverify. Tokens live 300 s and verify once. */
export function verifyTurnstile(options: TurnstileVerifyOptions): Promise<VerifyResult> {
  return siteverify(
    'Turnstile',
    'https://challenges.cloudflare.com/turnstile/v0/siteverify',
    options,
    {
      fields: { idempotency_key: options.idempotencyKey },
      maxTokenLength: MAX_TOKEN_LENGTH.turnstile,
    },
  )
}

export interface HcaptchaVerifyOptions extends SiteverifyOptions {
  /** Recommended: refuses tokens minted for another site key (`sitekey-secret-mismatch`). */
  sitekey?: string
}

/** hCaptcha's siteverify. Tokens live 120 s and verify once. */
export function verifyHcaptcha(options: HcaptchaVerifyOptions): Promise<VerifyResult> {
  return siteverify('Hcaptcha', 'https://api.hcaptcha.com/siteverify', options, {
    fields: { sitekey: options.sitekey },
    maxTokenLength: MAX_TOKEN_LENGTH.hcaptcha,
  })
}

export interface RecaptchaVerifyOptions extends SiteverifyOptions {
  /** v3: the lowest score to accept, from 0.0 (bot) to 1.0 (human). Google suggests 0.5. */
  minScore?: number
}

/** Google reCAPTCHA's siteverify, v2 and v3. Tokens live 120 s and verify once. */
export async function verifyRecaptcha(options: RecaptchaVerifyOptions): Promise<VerifyResult> {
  const result = await siteverify(
    'Recaptcha',
    'https://www.google.com/recaptcha/api/siteverify',
    options,
    { maxTokenLength: MAX_TOKEN_LENGTH.recaptcha },
  )
  if (
    result.success &&
    options.minScore !== undefined &&
    !((result.score ?? -1) >= options.minScore)
  ) {
    return refuse(result, 'score-too-low')
  }
  return result
}
