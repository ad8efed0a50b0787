// Writes each README recipe into its minimal app and builds the app for production with Vite,
// each in a process of its own (as `vite build` runs for a user; Analog's Angular plugin also
// keeps state that must not meet Vitest's).
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER_RECIPE, TAUGHT_APPS, type TaughtApp } from './apps'
import { readLabelledBlock, readRecipe } from './recipes'

const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url))

export function writeRecipe(app: TaughtApp) {
  const { code } = readRecipe(app.readme, app.recipeId)
  // The plain HTML app is its recipe alone: nothing tracked makes its folder.
  mkdirSync(app.root, { recursive: true })
  writeFileSync(app.root + app.recipeFile, code)
}

export function buildTaughtApps(env: NodeJS.ProcessEnv) {
  const server = readLabelledBlock(SERVER_RECIPE.readme, SERVER_RECIPE.label)
  mkdirSync(dirname(SERVER_RECIPE.file), { recursive: true })
  writeFileSync(SERVER_RECIPE.file, server.code)
  for (const app of TAUGHT_APPS) {
    writeRecipe(app)
    if (!app.bundled) continue
    const built = spawnSync(
      process.execPath,
      [vite, 'build', '--config', `${app.root}vite.config.ts`, '--logLevel', 'warn'],
      { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } },
    )
    if (built.status !== 0) throw new Error(`taught app ${app.name}: vite build failed`)
  }
}
