import type { CaptchaTexts } from './texts'

// Every language but English, in one chunk fetched only by a page that asks for one of them:
// the languages the emulator's widget speaks.
export const TRANSLATIONS: Record<string, CaptchaTexts> = {
  'zh-CN': {
    failed: '安全验证无法加载。',
    retry: '重试',
    required: '请完成安全验证。',
  },
  'zh-TW': {
    failed: '安全驗證無法載入。',
    retry: '重試',
    required: '請完成安全驗證。',
  },
  ja: {
    failed: 'セキュリティチェックを読み込めませんでした。',
    retry: '再試行',
    required: 'セキュリティチェックを完了してください。',
  },
  ko: {
    failed: '보안 확인을 불러오지 못했습니다.',
    retry: '다시 시도',
    required: '보안 확인을 완료하세요.',
  },
  es: {
    failed: 'No se pudo cargar la verificación de seguridad.',
    retry: 'Reintentar',
    required: 'Completa la verificación de seguridad.',
  },
  fr: {
    failed: 'La vérification de sécurité n’a pas pu se charger.',
    retry: 'Réessayer',
    required: 'Effectuez la vérification de sécurité.',
  },
  de: {
    failed: 'Die Sicherheitsprüfung konnte nicht geladen werden.',
    retry: 'Erneut versuchen',
    required: 'Bitte schließen Sie die Sicherheitsprüfung ab.',
  },
}

/**
 * The texts for a BCP 47 tag: Traditional Chinese for `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant`,
 * Simplified for any other `zh`; otherwise by the primary subtag; undefined for the rest.
 */
export function textsFor(tag: string): CaptchaTexts | undefined {
  const lower = tag.toLowerCase()
  const primary = lower.split('-')[0]!
  const key = primary === 'zh' ? (/-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN') : primary
  return TRANSLATIONS[key]
}
