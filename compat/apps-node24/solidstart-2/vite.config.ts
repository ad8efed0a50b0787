// Hand-written, as SolidStart 2's bare template has it (create-solid downloads its templates,
// which this machine cannot): SolidStart's Vite plugin, and Nitro's for the Node server.
import { solidStart } from '@solidjs/start/config'
import { nitro } from 'nitro/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [solidStart(), nitro({ preset: 'node-server' })],
})
