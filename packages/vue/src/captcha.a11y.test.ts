import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { axeViolations } from '../../../vitest.axe.ts'
import { Captcha } from './captcha'
import { fakeCaptchala, settle } from './test-utils'

// One fake SDK per page: two would both answer every loader tag.
describe('<Captcha> meets WCAG 2.2 AA (axe)', () => {
  it('with its widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl },
      attachTo: document.body,
    })
    await settle()
    expect(fake.live()).toHaveLength(1)
    expect(await axeViolations(wrapper.element)).toEqual([])
    wrapper.unmount()
  })

  it('when it says the check could not load, with its Try again button', async () => {
    const { scriptUrl } = fakeCaptchala({ script: 'error' })
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.find('button').text()).toBe('Try again')
    expect(await axeViolations(wrapper.element)).toEqual([])
    wrapper.unmount()
  })
})
