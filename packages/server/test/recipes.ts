// The README's recipes as files: each ```ts block whose first line is `// <label>: <path>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

const README = new URL('../README.md', import.meta.url)
const DIR = new URL('./.recipes/', import.meta.url)

/** Writes every recipe into test/.recipes/ and returns its file URL by label. */
export function extractRecipes(): Map<string, string> {
  const lines = readFileSync(README, 'utf8').split('\n')
  const recipes = new Map<string, string>()
  mkdirSync(DIR, { recursive: true })
  for (let index = 0; index < lines.length; index++) {
    if (lines[index] !== '```ts') continue
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'))
    const label = /^\/\/ ([^:]+): \S+/.exec(lines[index + 1] ?? '')?.[1]
    if (label) {
      const file = new URL(`${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.ts`, DIR)
      writeFileSync(file, `${lines.slice(index + 1, end).join('\n')}\n`)
      recipes.set(label, file.href)
    }
    index = end
  }
  return recipes
}
