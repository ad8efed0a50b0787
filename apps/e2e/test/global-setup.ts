import { existsSync } from 'node:fs'
import { build } from 'vite'
import { APPS } from './apps'

/** Builds every sample app once; each test file then serves the builds with `vite preview`. */
export default async function setup() {
  // Vitest sets NODE_ENV=test, which Vite would keep: the apps are tested as they ship.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    for (const app of APPS) {
      if (!existsSync(`${app.root}/package.json`)) continue
      await build({ root: app.root, mode: 'production', logLevel: 'warn' })
    }
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}
