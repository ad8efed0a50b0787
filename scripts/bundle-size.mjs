// What a page loads for a piece of code, in min and min+gzip bytes: esbuild bundles it
// (minified, split, frameworks external) and counts the entry and the chunks it imports
// statically, plus the lazily imported chunks named in `lazy` (a provider adapter) with theirs.
// Svelte components and `.svelte.js` modules are measured compiled, and Angular's partial
// declarations linked, as an app ships them.
// Shared by the size budgets (scripts/size.mjs) and the comparative bench (bench/).
import { basename } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import sveltePlugin from 'esbuild-svelte'
import { angularLinker } from './angular-linker.mjs'

export const FRAMEWORKS = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'vue',
  'svelte',
  'svelte/*',
  'solid-js',
  'solid-js/*',
  '@angular/*',
  'rxjs',
  'rxjs/*',
]

export async function measureBundle(code, { resolveDir, lazy = [], plugins = [] }) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'size-out',
    absWorkingDir: resolveDir,
    write: false,
    metafile: true,
    external: FRAMEWORKS,
    plugins: [
      ...plugins,
      sveltePlugin({ compilerOptions: { css: 'injected' } }),
      angularLinker({ resolveFrom: new URL('../packages/angular/package.json', import.meta.url) }),
    ],
    logLevel: 'silent',
    // A production build's flags: React's and Vue's production mode, Angular's dev checks off.
    define: { 'process.env.NODE_ENV': '"production"', ngDevMode: 'false' },
  })
  const outputs = result.metafile.outputs
  const counted = new Set()
  const visit = (path) => {
    if (counted.has(path)) return
    counted.add(path)
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  const paths = Object.keys(outputs).filter((path) => path.endsWith('.js'))
  // The entry is the code given on stdin (its `sourcefile`): every lazily imported chunk is an
  // entry point too, and may come first.
  visit(paths.find((path) => outputs[path].entryPoint?.endsWith('entry.ts')))
  for (const name of lazy) {
    const chunk = paths.find((path) => basename(path).startsWith(`${name}-`))
    if (!chunk) throw new Error(`no lazy chunk named ${name}`)
    visit(chunk)
  }
  // Compressed as one file: an app's bundler puts the statically imported code into the
  // entry's chunk, where esbuild makes a shared chunk of its own.
  const prefix = resolveDir.endsWith('/') ? resolveDir : `${resolveDir}/`
  const loaded = Buffer.concat(
    result.outputFiles
      .filter((file) => counted.has(file.path.slice(prefix.length)))
      .map((file) => file.contents),
  )
  return { min: loaded.length, gzip: gzipSync(loaded, { level: 9 }).length }
}
