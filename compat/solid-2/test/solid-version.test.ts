import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Read from the files (@solidjs/web exports no `./package.json`), by path: under jsdom `URL` is
// jsdom's, which `fs` does not take.
const here = dirname(fileURLToPath(import.meta.url))
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(here, '../node_modules', name, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version

describe('this project', () => {
  it('runs on Solid 2', () => {
    // The binding's files next door sit beside Solid 1.9; resolveFromHere sends their imports
    // here. Were it broken, they would run on Solid 1.9 and this project would prove nothing.
    expect(versionOf('solid-js')).toMatch(/^2\./)
    expect(versionOf('@solidjs/web')).toMatch(/^2\./)
  })
})
