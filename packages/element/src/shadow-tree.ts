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
 * The element's shadow tree: a frame holding its light-DOM children (the widget's container
 * first) through the default slot, then a live region. While the widget has failed the region
 * holds a `failure` slot: the author's `slot="failure"` content if there is any, else its
 * fallback, the failure's words and a Retry button (`::part(failure)`, `::part(retry)`). The
 * slot is put in and taken out, not hidden, so a screen reader announces it when it appears.
 *
 * The frame is what focus goes to when the element is focused, and what native validation
 * focuses to show its message: focusable (`tabindex="-1"`), yet no Tab stop. The host itself
 * takes no tabindex: a negative one on a shadow host takes everything in it, the slotted widget
 * and the Retry button included, out of the Tab order.
 */
export function createShadowTree(host: HTMLElement, retry: () => void) {
  const shadow = host.attachShadow({ mode: 'open' })
  shadow.adoptedStyleSheets = [hostStyle()]
  const frame = document.createElement('div')
  frame.tabIndex = -1
  const region = document.createElement('div')
  region.setAttribute('role', 'status')
  region.setAttribute('part', 'failure')
  frame.append(document.createElement('slot'), region)
  shadow.append(frame)

  const slot = document.createElement('slot')
  slot.name = 'failure'
  const words = document.createTextNode('')
  const button = document.createElement('button')
  button.type = 'button'
  button.setAttribute('part', 'retry')
  button.onclick = retry
  slot.append(words, ' ', button)

  /** Shows the failure, or none (null). */
  const showFailure = (failure: CaptchaFailure | null) => {
    if (!failure) return slot.remove()
    // Updated in place, so a focused Retry button keeps its focus across attempts.
    words.data = failure.message
    button.textContent = failure.retryLabel
    if (!slot.isConnected) region.append(slot)
  }
  return { frame, showFailure }
}
