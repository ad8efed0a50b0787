import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { build } from 'vite'
import { buildTaughtApps } from '../taught/build'
import { APPS, FRAMEWORK_APPS } from './apps'

/**
 * Builds every sample app once, for production: the Vite apps (each test file serves them with
 * `vite preview`), and the SvelteKit, Next.js and Nuxt apps with their own builds; and the
 * taught-path apps, from the READMEs' recipes (taught/).
 */
export default async function setup() {
  const ownBuilds = [
    ...FRAMEWORK_APPS,
    ...APPS.filter((app) => app.server || app.ownBuild).map((app) => ({ ...app, build: 'build' })),
  ]
  // A build run from here must not look like a test run to the build's own plugins.
  const buildEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  )
  buildTaughtApps(buildEnv)
  for (const app of ownBuilds) {
    if (!existsSync(`${app.root}/package.json`)) continue
    const built = spawnSync('pnpm', ['--dir', app.root, 'run', app.build], {
      stdio: 'inherit',
      env: { ...buildEnv, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (built.status !== 0) throw new Error(`${app.name}: ${app.build} failed`)
  }
  // Vitest sets NODE_ENV=test, which Vite would keep: the apps are tested as they ship.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    for (const app of APPS) {
      if (app.server || app.ownBuild || !existsSync(`${app.root}/package.json`)) continue
      await build({ root: app.root, mode: 'production', logLevel: 'warn' })
    }
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}
