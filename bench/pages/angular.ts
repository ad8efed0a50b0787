// @passline/angular: <ngx-passline-captcha> created with Angular's createComponent in a
// zoneless application, as a router or a dynamic outlet would. No template of the page's own,
// so the page needs no Angular compiler; the package's declarations are linked as an app's
// build links them.
import type { ApplicationRef } from '@angular/core'
import {
  createComponent,
  provideZonelessChangeDetection,
  type EnvironmentInjector,
} from '@angular/core'
import { createApplication } from '@angular/platform-browser'
import { PasslineCaptchaComponent } from '@passline/angular'
import { deferred, type BenchBinding } from './types'

const app: ApplicationRef = await createApplication({
  providers: [provideZonelessChangeDetection()],
})
const environmentInjector: EnvironmentInjector = app.injector

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const host = container.appendChild(document.createElement('div'))
    const component = createComponent(PasslineCaptchaComponent, {
      environmentInjector,
      hostElement: host,
    })
    component.setInput('siteKey', siteKey)
    component.setInput('scriptUrl', loaderUrl)
    component.setInput('execution', 'execute')
    component.instance.statusChange.subscribe((status) => {
      if (status === 'ready') ready.resolve(performance.now() - start)
    })
    app.attachView(component.hostView)
    component.changeDetectorRef.detectChanges()
    const verified = verify
      ? ready.promise
          .then(() => component.instance.captcha.getToken())
          .then(() => performance.now() - start)
      : null
    return {
      ready: ready.promise,
      verified,
      unmount: () => {
        component.destroy()
        host.remove()
      },
    }
  },
} satisfies BenchBinding
