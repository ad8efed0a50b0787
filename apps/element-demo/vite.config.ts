import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The form posts to /api/signup; the dev server and preview forward /api to demo-api.
const api = process.env.PASSLINE_API_URL ?? 'http://127.0.0.1:8788'

export default defineConfig({
  server: { host: '127.0.0.1', proxy: { '/api': api } },
  preview: { host: '127.0.0.1', proxy: { '/api': api } },
  // Two pages: the plain HTML form, and the same form in Lit.
  build: {
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        lit: fileURLToPath(new URL('lit.html', import.meta.url)),
      },
    },
  },
  // A fixed nonce for the demo only: a real server makes one per response.
  html: { cspNonce: 'passline-demo-nonce' },
})
