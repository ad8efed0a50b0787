import { afterEach, describe, expect, it, vi } from 'vitest'
import { CaptchaError, type CaptchaErrorCode } from '../errors'
import { IDLE_STATE } from '../idle-state'
import type { CaptchaState } from '../types'

// Each test imports the module afresh: the loaded table is module state.
afterEach(() => vi.resetModules())
const load = () => import('../index')

const failed = (code: CaptchaErrorCode): CaptchaState => ({
  ...IDLE_STATE,
  status: 'error',
  error: new CaptchaError(code),
})

describe('textLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['ja-JP', 'ja'],
    ['KO', 'ko'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['de-AT', 'de'],
    ['pt-BR', 'en'],
    ['', 'en'],
  ])('%s speaks %s', async (tag, expected) => {
    const { textLanguage } = await load()
    expect(textLanguage(tag)).toBe(expected)
  })

  it("'auto' and no language follow the browser, as the widgets do", async () => {
    const { textLanguage } = await load()
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-CH')
    expect(textLanguage('auto')).toBe('de')
    expect(textLanguage()).toBe('de')
  })
})

describe('captchaTexts and loadCaptchaTexts', () => {
  it('speak English before any table is loaded, for every language', async () => {
    const { captchaTexts, ENGLISH_TEXTS } = await import('./texts')
    expect(captchaTexts('ja')).toBe(ENGLISH_TEXTS)
    expect(captchaTexts('en')).toBe(ENGLISH_TEXTS)
  })

  it('load the other languages on demand, in one table', async () => {
    const { captchaTexts, loadCaptchaTexts } = await load()
    await loadCaptchaTexts('en') // English needs nothing
    expect(captchaTexts('fr').retry).toBe('Try again')
    await loadCaptchaTexts('fr')
    expect(captchaTexts('fr').retry).toBe('Réessayer')
    expect(captchaTexts('zh-TW').load).toBe('安全驗證無法載入。')
    expect(captchaTexts('pt').retry).toBe('Try again')
  })

  it('every language says every text', async () => {
    const { TRANSLATIONS } = await import('./translations')
    const { ENGLISH_TEXTS } = await import('./texts')
    const keys = Object.keys(ENGLISH_TEXTS).sort()
    expect(Object.keys(TRANSLATIONS).sort()).toEqual(
      ['de', 'es', 'fr', 'ja', 'ko', 'zh-CN', 'zh-TW'].sort(),
    )
    for (const texts of Object.values(TRANSLATIONS)) {
      expect(Object.keys(texts).sort()).toEqual(keys)
      for (const text of Object.values(texts)) expect(text.trim()).not.toBe('')
    }
  })
})

describe('describeFailure', () => {
  it.each([
    ['script-load-failed', 'The security check could not load.'],
    ['script-timeout', 'The security check could not load.'],
    ['ready-timeout', 'The security check stopped working.'],
    ['provider-error', 'The security check stopped working.'],
    ['server-token-failed', 'The security check stopped working.'],
  ] as const)('%s: no widget is left, so it says "%s"', async (code, message) => {
    const { describeFailure } = await load()
    const state = failed(code)
    expect(describeFailure(state)).toEqual({ error: state.error, message, retryLabel: 'Try again' })
  })

  it.each(['challenge-failed', 'expired'] as const)(
    '%s: the widget is still there and says so itself',
    async (code) => {
      const { describeFailure } = await load()
      expect(describeFailure(failed(code))).toBeNull()
    },
  )

  it('is null without an error', async () => {
    const { describeFailure } = await load()
    expect(describeFailure(IDLE_STATE)).toBeNull()
    expect(describeFailure({ ...IDLE_STATE, status: 'ready' })).toBeNull()
  })

  it('speaks the language once its table has loaded', async () => {
    const { describeFailure, loadCaptchaTexts } = await load()
    await loadCaptchaTexts('ja')
    expect(describeFailure(failed('script-timeout'), 'ja')).toMatchObject({
      message: 'セキュリティチェックを読み込めませんでした。',
      retryLabel: '再試行',
    })
  })
})
