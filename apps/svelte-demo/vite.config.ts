import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

// /api is a SvelteKit route that forwards to the demo backend (src/routes/api), so no proxy.
export default defineConfig({
  plugins: [sveltekit()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
