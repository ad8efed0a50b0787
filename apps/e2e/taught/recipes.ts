// The READMEs' own recipes, as written: a fenced block marked `<!-- recipe: id -->` on the last
// non-blank line above it. The taught-path suite builds them into minimal apps unchanged.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface Recipe {
  /** The README it comes from, relative to the repository. */
  readme: string
  /** The block's language tag: `tsx`, `vue`, `svelte`, `ts`, `html`. */
  language: string
  code: string
}

/** The block marked `id` in `readme`; throws when there is none, or more than one. */
export function readRecipe(readme: string, id: string): Recipe {
  const lines = readFileSync(repoRoot + readme, 'utf8').split('\n')
  const found: Recipe[] = []
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() !== `<!-- recipe: ${id} -->`) continue
    let open = index + 1
    while (open < lines.length && !lines[open]!.trim()) open++
    const fence = /^```(\w+)\s*$/.exec(lines[open] ?? '')
    if (!fence)
      throw new Error(`${readme}:${index + 1}: recipe ${id} is not followed by a code block`)
    const close = lines.findIndex((line, at) => at > open && line.startsWith('```'))
    found.push({
      readme,
      language: fence[1]!,
      code: lines.slice(open + 1, close).join('\n') + '\n',
    })
  }
  if (found.length !== 1) throw new Error(`${readme}: ${found.length} recipes named ${id}`)
  return found[0]!
}

/** The code block of `readme` whose first line is the comment `// <label> …`. */
export function readLabelledBlock(readme: string, label: string): Recipe {
  const blocks = readFileSync(repoRoot + readme, 'utf8').split(/^```/m)
  // Odd pieces are the blocks: a language tag, then the code.
  const found = blocks
    .filter((_, index) => index % 2 === 1)
    .map((block) => /^(\w+)\n([\s\S]*)$/.exec(block))
    .filter((match) => match?.[2]?.startsWith(`// ${label}`))
  if (found.length !== 1) throw new Error(`${readme}: ${found.length} blocks labelled ${label}`)
  return { readme, language: found[0]![1]!, code: found[0]![2]! }
}
