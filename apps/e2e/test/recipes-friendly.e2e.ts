// The mock server README's "Friendly Captcha in Node" recipe, as written: createVerifier with
// Friendly Captcha's production siteverify URL, answered by the emulator through MSW (a file
// of its own: its MSW server is the only one in the process).
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readLabelledBlock } from '../taught/recipes'

const file = fileURLToPath(new URL('./.recipes/node/friendly-signup.test.ts', import.meta.url))
mkdirSync(fileURLToPath(new URL('./.recipes/node/', import.meta.url)), { recursive: true })
writeFileSync(
  file,
  readLabelledBlock('packages/mock-server/README.md', 'Friendly Captcha in Node:').code,
)
await import(/* @vite-ignore */ file)
