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

describe('which table a language tag reads', () => {
  it.each([
    ['zh-CN', '安全验证无法加载。'],
    ['zh', '安全验证无法加载。'],
    ['zh-Hans-SG', '安全验证无法加载。'],
    ['zh-TW', '安全驗證無法載入。'],
    ['zh-HK', '安全驗證無法載入。'],
    ['zh-Hant', '安全驗證無法載入。'],
    ['ja-JP', 'セキュリティチェックを読み込めませんでした。'],
    ['KO', '보안 확인을 불러오지 못했습니다.'],
    ['es-419', 'No se pudo cargar la verificación de seguridad.'],
    ['fr-CA', 'La vérification de sécurité n’a pas pu se charger.'],
    ['de-AT', 'Die Sicherheitsprüfung konnte nicht geladen werden.'],
    ['pt-BR', 'The security check could not load.'],
  ])('%s', async (tag, expected) => {
    const { captchaTexts, loadCaptchaTexts } = await load()
    await loadCaptchaTexts(tag)
    expect(captchaTexts(tag).failed).toBe(expected)
  })

  it("'auto' and no language follow the browser, as the widgets do", async () => {
    const { captchaTexts, loadCaptchaTexts } = await load()
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-CH')
    await loadCaptchaTexts('auto')
    expect(captchaTexts('auto').retry).toBe('Erneut versuchen')
    expect(captchaTexts().retry).toBe('Erneut versuchen')
  })
})

describe('captchaTexts and loadCaptchaTexts', () => {
  it('speak English before any table is loaded, for every language', async () => {
    const { captchaTexts, ENGLISH_TEXTS } = await import('./texts')
    expect(captchaTexts('ja-JP')).toBe(ENGLISH_TEXTS)
    expect(captchaTexts('ja')).toBe(ENGLISH_TEXTS)
    expect(captchaTexts('en')).toBe(ENGLISH_TEXTS)
  })

  it('load the other languages on demand, in one table', async () => {
    const { captchaTexts, loadCaptchaTexts } = await load()
    // English needs nothing: nothing arrives.
    expect(await loadCaptchaTexts('en-GB')).toBe(false)
    expect(captchaTexts('en-GB').retry).toBe('Try again')
    expect(captchaTexts('fr').retry).toBe('Try again')
    expect(await loadCaptchaTexts('fr')).toBe(true)
    expect(await loadCaptchaTexts('fr')).toBe(false)
    expect(captchaTexts('fr').retry).toBe('Réessayer')
    await loadCaptchaTexts('pt')
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
    ['ready-timeout', 'The security check could not load.'],
    ['provider-error', 'The security check could not load.'],
    ['server-token-failed', 'The security check could not load.'],
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
