// The README's composable block, as written: compiled the way Vite compiles a .vue file
// (@vue/compiler-sfc, template inlined) and mounted, so the binding it teaches,
// `<div :ref="captcha.containerRef" />`, is shown to put the widget in that element.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mount } from '@vue/test-utils'
import { compileScript, parse } from 'vue/compiler-sfc'
import { version, type Component } from 'vue'
import { describe, expect, it } from 'vitest'
import { createPasslinePlugin } from './plugin'
import { fakeCaptchala, settle } from './test-utils'

// (import.meta.url is not a file URL in jsdom: the folder comes from import.meta.dirname.)
const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8')
const DIR = join(import.meta.dirname, '../.test-build')

/** The first ```vue block after `heading`, compiled into a module; its component. */
async function compiledBlock(heading: string): Promise<Component> {
  const after = README.slice(README.indexOf(heading))
  const source = /```vue\n([\s\S]*?)\n```/.exec(after)?.[1]
  if (!source) throw new Error(`no vue block after ${heading}`)
  const { descriptor } = parse(source, { filename: 'ReadmeComposable.vue' })
  const { content } = compileScript(descriptor, { id: 'readme-composable', inlineTemplate: true })
  mkdirSync(DIR, { recursive: true })
  // One file per Vue: the compatibility stage runs this file with Vue 3.3 as well.
  const file = join(DIR, `readme-composable-${version}.ts`)
  writeFileSync(file, content)
  const url = pathToFileURL(file).href
  return ((await import(/* @vite-ignore */ url)) as { default: Component }).default
}

describe("the README's composable", () => {
  it('renders the widget into the element bound with :ref="captcha.containerRef"', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const Composable = await compiledBlock('### The composable')
    const wrapper = mount(Composable, {
      attachTo: document.body,
      global: { plugins: [createPasslinePlugin({ scriptUrl })] },
    })
    await settle()
    expect(fake.latest().container).toBe(wrapper.find('form > div').element)
    expect(wrapper.find('[role="status"]').text()).toBe('ready')
    wrapper.unmount()
  })
})
