import type { Loaders } from '../provider'
import type { CaptchaOptions } from '../types'

/**
 * Loads a provider whose widget is a custom element (`<altcha-widget>`, `<cap-widget>`) and
 * resolves once `tag` is defined. Its script defines it as it runs, but a module script may
 * still be waiting for what it imports: the definition is awaited as a load step of its own.
 * An element the page defined already (a bundled `import 'altcha'`) is used as it is, without
 * loading a second copy that would fail to define it again.
 */
export function loadCustomElement(
  options: CaptchaOptions,
  [loadSdk, loadTries, loadStep]: Loaders,
  scriptUrl: string,
  tag: string,
  module?: boolean,
): Promise<CustomElementConstructor> {
  const url = new URL(options.scriptUrl ?? scriptUrl, document.baseURI).href
  return loadSdk(
    url,
    () => customElements.get(tag),
    async () => {
      await loadTries(url, options, module)
      await loadStep(customElements.whenDefined(tag), options.loadTimeoutMs)
    },
  )
}
