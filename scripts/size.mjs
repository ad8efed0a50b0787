// Size budgets: bundles each entry of size-budgets.json from the built packages with esbuild
// (minified, split, frameworks external) and fails when its gzip size, or its growth over the
// entry named in `onTopOf`, passes the budget. What counts is what a page loads: the entry and
// the chunks it imports statically, plus the lazily imported chunks named in `lazy` (a
// provider adapter) with theirs.
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'))
const frameworks = ['react', 'react-dom', 'react/jsx-runtime', 'vue']

/** Resolves `@passline/x[/sub]` to the package's built ESM file, the way a user's bundler would. */
const builtWorkspace = {
  name: 'built-workspace',
  setup(b) {
    b.onResolve({ filter: /^@passline\// }, (args) => {
      const [, pkg, sub] = args.path.match(/^@passline\/([a-z-]+)(?:\/([a-z-]+))?$/) ?? []
      const file = `${root}packages/${pkg}/dist/${sub ?? 'index'}.js`
      if (!existsSync(file)) return { errors: [{ text: `${args.path} is not built (${file})` }] }
      return { path: file }
    })
  },
}

async function measure(code, lazy = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'size-out',
    absWorkingDir: root,
    write: false,
    metafile: true,
    external: frameworks,
    plugins: [builtWorkspace],
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
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
  visit(paths.find((path) => outputs[path].entryPoint))
  for (const name of lazy) {
    const chunk = paths.find((path) => basename(path).startsWith(`${name}-`))
    if (!chunk) throw new Error(`no lazy chunk named ${name}`)
    visit(chunk)
  }
  // Compressed as one file: an app's bundler puts the statically imported code into the
  // entry's chunk, where esbuild makes a shared chunk of its own.
  const loaded = Buffer.concat(
    result.outputFiles
      .filter((file) => counted.has(file.path.slice(root.length)))
      .map((file) => file.contents),
  )
  return { min: loaded.length, gzip: gzipSync(loaded, { level: 9 }).length }
}

const sizes = new Map()
let over = 0
for (const budget of budgets) {
  let size
  try {
    size = await measure(budget.code, budget.lazy)
  } catch (error) {
    console.error(`✗ ${budget.name}: cannot bundle: ${error.message}`)
    over += 1
    continue
  }
  sizes.set(budget.name, size)
  const base = budget.onTopOf ? sizes.get(budget.onTopOf) : undefined
  if (budget.onTopOf && !base) {
    console.error(`✗ ${budget.name}: its base entry "${budget.onTopOf}" was not measured first`)
    over += 1
    continue
  }
  const counted = base ? size.gzip - base.gzip : size.gzip
  const ok = counted <= budget.limitBytes
  if (!ok) over += 1
  const what = base ? `+${counted} B gzip over ${budget.onTopOf}` : `${counted} B gzip`
  console.log(
    `${ok ? '✓' : '✗'} ${budget.name}: ${what} (${size.min} B min), budget ${budget.limitBytes} B`,
  )
}
process.exit(over === 0 ? 0 : 1)
