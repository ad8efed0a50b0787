import { Component } from '@angular/core'
import { render, screen } from '@testing-library/angular'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../../../vitest.axe.ts'
import { PasslineCaptchaComponent } from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

// What the next host is created with. Hosts are declared at the top level, where Angular's
// compiler compiles them ahead of time. One fake SDK per page: two would both answer every tag.
let scriptUrl = ''

@Component({
  imports: [PasslineCaptchaComponent],
  template: `<main>
    <ngx-passline-captcha
      siteKey="test_pass"
      [scriptUrl]="scriptUrl"
      [options]="{ retry: { attempts: 1 } }"
    />
  </main>`,
})
class Page {
  readonly scriptUrl = scriptUrl
}

describe('<ngx-passline-captcha> meets WCAG 2.2 AA (axe)', () => {
  it('with its widget', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala()
    scriptUrl = url
    const view = await render(Page)
    await settle()
    expect(fake.live()).toHaveLength(1)
    expect(await axeViolations(view.container)).toEqual([])
  })

  it('when it says the check could not load, with its Try again button', async () => {
    const { scriptUrl: url } = fakeCaptchala({ script: 'error' })
    scriptUrl = url
    const view = await render(Page)
    await settle()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined()
    expect(await axeViolations(view.container)).toEqual([])
  })
})
