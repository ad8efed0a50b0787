import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

describe('edge runtimes', () => {
  it.each(['index', 'hono'])(
    'src/%s.ts bundles for a fetch-only runtime, with no Node built-in',
    async (entry) => {
      const result = await build({
        entryPoints: [fileURLToPath(new URL(`../src/${entry}.ts`, import.meta.url))],
        bundle: true,
        write: false,
        format: 'esm',
        // Neutral: no Node built-ins resolve, as on Cloudflare Workers or Vercel Edge.
        platform: 'neutral',
        mainFields: ['module', 'main'],
        external: ['hono'],
        logLevel: 'silent',
      })
      const code = result.outputFiles[0]!.text
      expect(code).not.toMatch(/from\s+["']node:|require\(["'](node:|http|https|net|crypto)["']\)/)
    },
  )
})
