// The mock server README's "Vitest in Node" recipe, as written: its hooks and test are
// collected into this file (a file of its own: its MSW server is the only one in the process).
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readLabelledBlock } from '../taught/recipes'

const file = fileURLToPath(new URL('./.recipes/node/signup.test.ts', import.meta.url))
mkdirSync(fileURLToPath(new URL('./.recipes/node/', import.meta.url)), { recursive: true })
writeFileSync(file, readLabelledBlock('packages/mock-server/README.md', 'Vitest in Node:').code)
await import(/* @vite-ignore */ file)
