import type { CaptchaFailure } from '@passline/core'

let sharedStyle: CSSStyleSheet | undefined

/**
 * A block, so the browser's validation message points at the widget rather than the middle of
 * a line; the lowest-priority rule there is, so any page style wins. Made once, on first use
 * (no stylesheet exists on a server), and adopted rather than inlined: a strict CSP allows it.
 */
function hostStyle(): CSSStyleSheet {
  if (!sharedStyle) {
    sharedStyle = new CSSStyleSheet()
    sharedStyle.replaceSync(':host{display:block}')
  }
  return sharedStyle
}

/**
 * The element's shadow tree: its light-DOM children (the widget's container first) through the
 * default slot, then a live region. While the widget has failed the region holds a `failure`
 * slot: the author's `slot="failure"` content if there is any, else its fallback, the failure's
 * words and a Retry button (`::part(failure)`, `::part(retry)`). The slot is put in and taken
 * out, not hidden, so a screen reader announces it when it appears. Returns how to show a
 * failure, or none (null).
 */
export function createFailureRegion(host: HTMLElement, retry: () => void) {
  const shadow = host.attachShadow({ mode: 'open' })
  shadow.adoptedStyleSheets = [hostStyle()]
  const region = document.createElement('div')
  region.setAttribute('role', 'status')
  region.setAttribute('part', 'failure')
  shadow.append(document.createElement('slot'), region)

  const slot = document.createElement('slot')
  slot.name = 'failure'
  const words = document.createTextNode('')
  const button = document.createElement('button')
  button.type = 'button'
  button.setAttribute('part', 'retry')
  button.onclick = retry
  slot.append(words, ' ', button)

  return (failure: CaptchaFailure | null) => {
    if (!failure) return slot.remove()
    // Updated in place, so a focused Retry button keeps its focus across attempts.
    words.data = failure.message
    button.textContent = failure.retryLabel
    if (!slot.isConnected) region.append(slot)
  }
}
