import type { CaptchaOptions } from '@passline/core'

// The options an attribute can carry, by property name; the attribute is the kebab-case form
// (`siteKey` → `site-key`, `cData` → `c-data`). Kept as strings: they are most of this
// element's bytes.
export const STRING_OPTIONS =
  /* @__PURE__ */ 'siteKey provider action language theme execution refresh scriptUrl nonce product serverToken cData appearance size rqdata version badge'.split(
    ' ',
  )
export const NUMBER_OPTIONS =
  /* @__PURE__ */ 'refreshMarginMs tokenTtlMs loadTimeoutMs readyTimeoutMs mountTimeoutMs'.split(
    ' ',
  )
/** Options only a property can carry: a function, an object. */
export const PROPERTY_ONLY = ['getServerToken', 'retry']

export const attributeOf = (option: string): string =>
  option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/**
 * The options as the element's attributes and properties give them, every one of them named
 * (`undefined` when unset, so a removed attribute goes back to the core's default); a property
 * set to anything but `undefined` wins over its attribute. A number attribute that is not a
 * number counts as unset.
 */
export function readOptions(
  element: Element,
  properties: ReadonlyMap<string, unknown>,
): CaptchaOptions {
  const options: Record<string, unknown> = {}
  for (const option of [...STRING_OPTIONS, ...NUMBER_OPTIONS, ...PROPERTY_ONLY]) {
    const value = element.getAttribute(attributeOf(option)) ?? undefined
    options[option] =
      properties.get(option) ??
      (NUMBER_OPTIONS.includes(option) ? (Number.isFinite(+value!) ? +value! : undefined) : value)
  }
  return options as unknown as CaptchaOptions
}
