import { defineConfig } from 'vite'

// The recipe's page as it is: its one script comes from a CDN, so there is nothing to bundle.
export default defineConfig({ root: import.meta.dirname })
