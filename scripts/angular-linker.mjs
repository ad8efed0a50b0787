// An esbuild plugin that links Angular's partially compiled declarations (ɵɵngDeclare*, what
// ng-packagr publishes) into the definitions an application build ships, with Angular's own
// linker: sizes are then measured as an Angular app bundles the package.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { transformAsync } from '@babel/core'

export function angularLinker({ resolveFrom }) {
  const require = createRequire(resolveFrom)
  return {
    name: 'angular-linker',
    setup(build) {
      build.onLoad({ filter: /\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8')
        if (!source.includes('ɵɵngDeclare')) return undefined
        const { default: linker } = await import(
          require.resolve('@angular/compiler-cli/linker/babel')
        )
        const linked = await transformAsync(source, {
          filename: args.path,
          babelrc: false,
          configFile: false,
          compact: false,
          plugins: [linker],
        })
        return { contents: linked.code, loader: 'js' }
      })
    },
  }
}
