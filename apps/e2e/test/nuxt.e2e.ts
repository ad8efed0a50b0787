// The Nuxt sample on @passline/nuxt, built with `nuxi build` and served by its Nitro server.
import { FRAMEWORK_APPS } from './apps'
import { frameworkSuite } from './framework-suite'
import { startNodeServer } from './node-server'

const app = FRAMEWORK_APPS.find((candidate) => candidate.name === 'nuxt-demo')!

frameworkSuite({
  name: 'nuxt-demo',
  submits: { 'server route': '#submit' },
  start: (mockUrl) =>
    startNodeServer('nuxt-demo', '.output/server/index.mjs', {
      cwd: app.root,
      // The module's runtime config, overridden from the environment as a deployment would.
      env: {
        NUXT_PASSLINE_SECRET: 'test_secret',
        NUXT_PASSLINE_BASE_URL: mockUrl,
        NUXT_PUBLIC_PASSLINE_SCRIPT_URL: `${mockUrl}/captchala-loader.js`,
      },
    }),
})
