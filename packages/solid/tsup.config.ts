import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

// Written without JSX (createComponent and Dynamic), so one build serves the browser and the
// server: `solid-js/web` itself resolves to its DOM or its SSR build in the app's bundler.
export default defineConfig(definePackageBuild({ external: ['solid-js', '@passline/core'] }))
