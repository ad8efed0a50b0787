// Test-only stand-in for the providers whose widget is a custom element (ALTCHA, Cap): it
// answers their script tags by URL prefix, defining the element the first time as the real
// script does, and records every element a test rendered so it can play the widget's events.
// A custom element cannot be undefined: after the first load in a test file, later tests find
// the element already defined, as a page that bundles the widget itself does.
import { afterEach } from 'vitest'

/** What every fake widget element offers a test. */
export class FakeWidgetElement extends HTMLElement {
  /** Every method the adapter called, in order. */
  calls: string[] = []
  /** Dispatches the widget event `type` with `detail` (ALTCHA's do not bubble, Cap's do). */
  emit(type: string, detail?: unknown, bubbles = false): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed: bubbles }))
  }
}

export interface FakeScripts {
  /** Every script tag requested under the prefix, in order. */
  readonly tags: HTMLScriptElement[]
  stop(): void
}

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/**
 * Answers every script tag whose `src` starts with `prefix`: `error`, or `load` after
 * defining `tag` as `element` (once per realm).
 */
export function answerScripts(
  prefix: string,
  tag: string,
  element: CustomElementConstructor,
  outcome: 'load' | 'error' = 'load',
): FakeScripts {
  const tags: HTMLScriptElement[] = []
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLScriptElement) || !node.src.startsWith(prefix)) continue
        tags.push(node)
        if (outcome === 'error') {
          node.dispatchEvent(new Event('error'))
          continue
        }
        if (!customElements.get(tag)) customElements.define(tag, element)
        node.dispatchEvent(new Event('load'))
      }
    }
  })
  observer.observe(document, { childList: true, subtree: true })
  const stop = () => observer.disconnect()
  stops.push(stop)
  return { tags, stop }
}

let prefixes = 0
/** A script URL of its own, so that the page-wide load cache of one test never serves another. */
export const uniqueScriptUrl = (name: string): string =>
  `https://${name}.fake/${++prefixes}/widget.js`
