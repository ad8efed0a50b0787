// The Nuxt sample on @passline/nuxt, built with `nuxi build` and served by its Nitro server.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { FRAMEWORK_APPS } from './apps'
import { frameworkSuite } from './framework-suite'

const app = FRAMEWORK_APPS.find((candidate) => candidate.name === 'nuxt-demo')!

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

frameworkSuite({
  name: 'nuxt-demo',
  submits: { 'server route': '#submit' },
  async start(mockUrl) {
    const port = await freePort()
    const server = spawn(process.execPath, ['.output/server/index.mjs'], {
      cwd: app.root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // The module's runtime config, overridden from the environment as a deployment would.
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        NUXT_PASSLINE_SECRET: 'test_secret',
        NUXT_PASSLINE_BASE_URL: mockUrl,
        NUXT_PUBLIC_PASSLINE_SCRIPT_URL: `${mockUrl}/captchala-loader.js`,
      },
    })
    const url = `http://127.0.0.1:${port}`
    for (let tries = 0; ; tries++) {
      if (
        await fetch(url).then(
          () => true,
          () => false,
        )
      )
        break
      if (tries > 200 || server.exitCode !== null) throw new Error('nuxt-demo did not start')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return {
      url,
      close: () =>
        new Promise<void>((resolve) => {
          server.once('exit', () => resolve())
          server.kill('SIGTERM')
        }),
    }
  },
})
