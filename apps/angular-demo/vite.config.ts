import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { defineConfig } from 'vite'

// The page calls its backend at /api; the dev server and preview forward that to demo-api.
const api = process.env.PASSLINE_API_URL ?? 'http://127.0.0.1:8788'

export default defineConfig({
  // Angular's compiler, ahead of time, through Analog's Vite plugin.
  plugins: [
    angular({
      tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)),
      workspaceRoot: fileURLToPath(new URL('.', import.meta.url)),
    }),
  ],
  // The binding as it is published: ng-packagr's build (with its own manifest) in dist/.
  resolve: {
    alias: {
      '@passline/angular': fileURLToPath(new URL('../../packages/angular/dist', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', proxy: { '/api': api } },
  preview: { host: '127.0.0.1', proxy: { '/api': api } },
  // A fixed nonce for the demo only: a real server makes one per response.
  html: { cspNonce: 'passline-demo-nonce' },
})
