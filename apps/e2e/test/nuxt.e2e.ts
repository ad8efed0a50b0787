// The Nuxt sample on @passline/nuxt, built with `nuxi build` and served by its Nitro server.
import { frameworkSuite } from './framework-suite'
import { startNuxt } from './framework-servers'

frameworkSuite({
  name: 'nuxt-demo',
  submits: { 'server route': '#submit' },
  start: startNuxt,
})
