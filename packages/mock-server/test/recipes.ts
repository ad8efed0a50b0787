// This README's recipes as written: the code block whose first line is `// <label> <path>`,
// written to a file for a test run to collect (apps/e2e runs the others the same way).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const README = fileURLToPath(new URL('../README.md', import.meta.url))

/** Writes the block labelled `label` to `file` (relative to the package); throws unless one. */
export function writeRecipe(label: string, file: string): string {
  const found = readFileSync(README, 'utf8')
    .split(/^```/m)
    .filter((_, index) => index % 2 === 1)
    .map((block) => block.slice(block.indexOf('\n') + 1))
    .filter((code) => code.startsWith(`// ${label}`))
  if (found.length !== 1) throw new Error(`README.md: ${found.length} blocks labelled ${label}`)
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url))
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, found[0]!)
  return path
}
