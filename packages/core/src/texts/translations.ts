import type { CaptchaTexts, TextLanguage } from './texts'

/** Every language but English, in one chunk fetched only by a page that asks for one of them. */
export const TRANSLATIONS: Record<Exclude<TextLanguage, 'en'>, CaptchaTexts> = {
  'zh-CN': {
    load: '安全验证无法加载。',
    broken: '安全验证出现了问题。',
    retry: '重试',
    required: '请完成安全验证。',
  },
  'zh-TW': {
    load: '安全驗證無法載入。',
    broken: '安全驗證發生了問題。',
    retry: '重試',
    required: '請完成安全驗證。',
  },
  ja: {
    load: 'セキュリティチェックを読み込めませんでした。',
    broken: 'セキュリティチェックが動作しなくなりました。',
    retry: '再試行',
    required: 'セキュリティチェックを完了してください。',
  },
  ko: {
    load: '보안 확인을 불러오지 못했습니다.',
    broken: '보안 확인이 작동을 멈췄습니다.',
    retry: '다시 시도',
    required: '보안 확인을 완료하세요.',
  },
  es: {
    load: 'No se pudo cargar la verificación de seguridad.',
    broken: 'La verificación de seguridad dejó de funcionar.',
    retry: 'Reintentar',
    required: 'Completa la verificación de seguridad.',
  },
  fr: {
    load: 'La vérification de sécurité n’a pas pu se charger.',
    broken: 'La vérification de sécurité a cessé de fonctionner.',
    retry: 'Réessayer',
    required: 'Effectuez la vérification de sécurité.',
  },
  de: {
    load: 'Die Sicherheitsprüfung konnte nicht geladen werden.',
    broken: 'Die Sicherheitsprüfung funktioniert nicht mehr.',
    retry: 'Erneut versuchen',
    required: 'Bitte schließen Sie die Sicherheitsprüfung ab.',
  },
}
