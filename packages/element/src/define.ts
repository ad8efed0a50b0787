// `import '@passline/element/define'` registers <passline-captcha> (once; on a server, not at
// all). The class comes from the package's main entry, so both entries share one class, and
// its types (the tag's element and events) come along with this import.
import { defineCaptchaElement } from '@passline/element'

export type { PasslineCaptchaElement } from '@passline/element'

defineCaptchaElement()
