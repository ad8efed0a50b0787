import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

// The page calls its backend at /api; the dev server and preview forward that to demo-api.
const api = process.env.PASSLINE_API_URL ?? 'http://127.0.0.1:8788'

export default defineConfig({
  plugins: [solid()],
  server: { host: '127.0.0.1', proxy: { '/api': api } },
  preview: { host: '127.0.0.1', proxy: { '/api': api } },
  // A fixed nonce for the demo only: a real server makes one per response.
  html: { cspNonce: 'passline-demo-nonce' },
})
