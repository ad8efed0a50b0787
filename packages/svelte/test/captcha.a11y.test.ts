import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../../../vitest.axe.ts'
import { Captcha } from '../src/index.js'
import { fakeCaptchala, settle } from './test-utils'

// One fake SDK per page: two would both answer every loader tag.
describe('<Captcha> meets WCAG 2.2 AA (axe)', () => {
  it('with its widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { container } = render(Captcha, { props: { siteKey: 'test_pass', scriptUrl } })
    await settle()
    expect(fake.live()).toHaveLength(1)
    expect(await axeViolations(container)).toEqual([])
  })

  it('when it says the check could not load, with its Try again button', async () => {
    const { scriptUrl } = fakeCaptchala({ script: 'error' })
    const { container } = render(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } },
    })
    await settle()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined()
    expect(await axeViolations(container)).toEqual([])
  })
})
