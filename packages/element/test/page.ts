// Shared by the browser tests: the mock provider's URLs, markup put on the page (and removed
// after each test), and waiting for the element's events.
import { afterEach, inject } from 'vitest'
import '../src/define'
import type { PasslineCaptchaElement } from '../src/index'

export const mockUrl = inject('mockUrl')
export const loaderUrl = `${mockUrl}/captchala-loader.js`

const roots: HTMLElement[] = []
afterEach(() => {
  for (const root of roots.splice(0)) root.remove()
})

/** Puts `markup` in a fresh <div> on the page; `${loader}` in it is the mock's loader URL. */
export function render(markup: string): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'))
  root.innerHTML = markup.replaceAll('${loader}', loaderUrl)
  roots.push(root)
  return root
}

export function captchaIn(root: ParentNode): PasslineCaptchaElement {
  return root.querySelector('passline-captcha')!
}

/** The next `type` event on `target`, or a rejection after `ms` of real time. */
export function nextEvent<T = unknown>(target: EventTarget, type: string, ms = 5000) {
  return new Promise<CustomEvent<T>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms)
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer)
        resolve(event as CustomEvent<T>)
      },
      { once: true },
    )
  })
}

/** Resolves once the element's status is `status`. */
export async function statusOf(element: PasslineCaptchaElement, status: string) {
  while (element.getState().status !== status) await nextEvent(element, 'passline-status')
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** A CaptchaLa server token for `action`, issued in Node with the app's secret. */
    issueServerToken(mockUrl: string, action: string): Promise<string>
    /** Refuses every request whose URL contains `part`, as a network that is down would. */
    blockRequests(part: string): Promise<void>
    unblockRequests(): Promise<void>
  }
}
