// Size budgets: measures each entry of size-budgets.json from the built packages (see
// bundle-size.mjs: what a page loads, min+gzip, with the adapter chunks named in `lazy` and the
// bundler aliases in `alias`) and fails when its gzip size, or its growth over the entry named
// in `onTopOf`, passes the budget.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { measureBundle } from './bundle-size.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const budgets = JSON.parse(readFileSync(new URL('../size-budgets.json', import.meta.url), 'utf8'))

/**
 * Resolves `@passline/x[/sub]` to the package's built ESM file, the way a user's bundler would;
 * `alias` maps a specifier to another first, as an app's bundler alias does.
 */
const builtWorkspace = (alias = {}) => ({
  name: 'built-workspace',
  setup(b) {
    b.onResolve({ filter: /^@passline\// }, (args) => {
      const specifier = alias[args.path] ?? args.path
      const [, pkg, sub] = specifier.match(/^@passline\/([a-z-]+)(?:\/([a-z-]+))?$/) ?? []
      // An Angular package (ng-packagr) carries its own manifest in dist/.
      const manifest = `${root}packages/${pkg}/dist/package.json`
      const file = existsSync(manifest)
        ? `${root}packages/${pkg}/dist/${JSON.parse(readFileSync(manifest, 'utf8')).module}`
        : `${root}packages/${pkg}/dist/${sub ?? 'index'}.js`
      if (!existsSync(file)) return { errors: [{ text: `${args.path} is not built (${file})` }] }
      return { path: file }
    })
  },
})

const measure = ({ code, lazy, alias }) =>
  measureBundle(code, { resolveDir: root, lazy, plugins: [builtWorkspace(alias)] })

const sizes = new Map()
let over = 0
for (const budget of budgets) {
  let size
  try {
    size = await measure(budget)
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
