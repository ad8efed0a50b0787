// @vitest-environment node
// esbuild checks its byte arrays with `instanceof Uint8Array`, which jsdom's realm breaks.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'

const PROVIDER_URLS: Record<string, string> = {
  captchala: 'cdn.captcha-cdn.net',
  turnstile: 'challenges.cloudflare.com',
  hcaptcha: 'js.hcaptcha.com',
  recaptcha: 'www.google.com/recaptcha',
  altcha: 'npm/altcha@',
  cap: 'npm/@cap.js/widget@',
  friendlycaptcha: 'npm/@friendlycaptcha/sdk@',
}

const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Bundles a package entry as an app's bundler would, with code splitting. */
async function bundle(entry = 'src/index.ts') {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    absWorkingDir: packageDir,
    outdir: 'bundle',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const text = new Map(
    result.outputFiles.map((file) => [relative(packageDir, file.path), file.text]),
  )
  const { outputs } = result.metafile
  // Each adapter chunk is an entry point of its own: the one asked for is the one from `entry`.
  const entryPath = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === entry)!
  return { outputs, text, entryPath }
}

/** The files a page loads for `path`: it and what it imports statically. */
function staticClosure(outputs: Metafile['outputs'], path: string, seen = new Set<string>()) {
  seen.add(path)
  for (const { path: imported, kind } of outputs[path]!.imports) {
    if (kind === 'import-statement' && !seen.has(imported)) staticClosure(outputs, imported, seen)
  }
  return seen
}

describe('lazily loaded chunks: provider adapters', () => {
  it('are not in what the entry loads, and each is a chunk the entry imports on demand', async () => {
    const { outputs, text, entryPath: entry } = await bundle()
    const eager = [...staticClosure(outputs, entry)].map((path) => text.get(path)).join('')
    // The engine itself is there; no adapter is.
    expect(eager).toContain('ready-timeout')
    const lazy = outputs[entry]!.imports.filter((i) => i.kind === 'dynamic-import')
    // Seven adapters and the components' translations.
    expect(lazy).toHaveLength(8)
    for (const [provider, url] of Object.entries(PROVIDER_URLS)) {
      expect(eager).not.toContain(url)
      // `cap-…`, not `captchala-…`.
      const chunk = lazy.find((i) => i.path.includes(`/${provider}-`))
      expect(chunk, provider).toBeDefined()
      expect(text.get(chunk!.path)).toContain(url)
    }
  })

  it("leave the components' translations out of what the entry loads, in a chunk of their own", async () => {
    const { outputs, text, entryPath: entry } = await bundle()
    const eager = [...staticClosure(outputs, entry)].map((path) => text.get(path)).join('')
    expect(eager).toContain('The security check could not load.')
    expect(eager).not.toContain('Reintentar')
    const chunk = outputs[entry]!.imports.find((i) => i.path.includes('translations'))
    expect(text.get(chunk!.path)).toContain('Reintentar')
  })
})

describe('a single-provider entry (@passline/core/<provider>)', () => {
  it.each(Object.keys(PROVIDER_URLS))(
    '%s: carries its adapter and no other, and imports no adapter chunk',
    async (provider) => {
      const { outputs, text, entryPath: entry } = await bundle(`src/${provider}.ts`)
      const eager = [...staticClosure(outputs, entry)].map((path) => text.get(path)).join('')
      for (const [other, url] of Object.entries(PROVIDER_URLS)) {
        if (other === provider) expect(eager).toContain(url)
        else expect(eager).not.toContain(url)
      }
      // Only the components' translations stay a chunk of their own.
      const lazy = outputs[entry]!.imports.filter((i) => i.kind === 'dynamic-import')
      expect(lazy.map((i) => i.path)).toEqual([expect.stringContaining('translations')])
    },
  )
})
