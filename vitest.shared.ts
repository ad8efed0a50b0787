import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { defineProject, type UserWorkspaceConfig } from 'vitest/config'

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url))
const appsDir = fileURLToPath(new URL('./apps/', import.meta.url))

/**
 * Tests import `@passline/x` and `@passline/x/sub` exactly as users do, but resolve them to
 * the workspace sources (`packages/x/src/index.ts`, `packages/x/src/sub.ts`), so no build is
 * needed first. Subpath exports follow that file layout by convention.
 */
export const workspaceSourceAliases = [
  { find: /^@passline\/demo-api$/, replacement: `${appsDir}demo-api/src/index.ts` },
  { find: /^@passline\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
  { find: /^@passline\/([a-z-]+)\/([a-z-]+)$/, replacement: `${packagesDir}$1/src/$2.ts` },
]

/**
 * CSS imported with `?raw` is the file's text, as Vite and the packages' builds give it. With
 * Vitest's CSS processing off (its default) such an import is blanked (vitest-dev/vitest#10788):
 * the mock provider, run from source, served an empty stylesheet and an unstyled widget.
 */
export const rawCss = { include: [/\.css\?raw$/] }

/**
 * Aliases that send `name` and its subpaths to the copy installed next to `configUrl`: for
 * running files that live elsewhere (next to another version) against this package's version.
 */
export function ownCopyAliases(configUrl: string, names: readonly string[]) {
  const require = createRequire(configUrl)
  return names.map((name) => ({
    find: new RegExp(`^${name}(/.*)?$`),
    replacement: `${dirname(require.resolve(`${name}/package.json`))}$1`,
  }))
}

/**
 * A plugin that resolves `name` and its subpaths as if imported from `configUrl`'s folder, with
 * Vite's own resolver: unlike `ownCopyAliases` it honours the package's `exports` and the
 * project's conditions, which packages with no file per subpath (Angular, Solid) need.
 */
export function resolveFromHere(configUrl: string, names: readonly string[]): Plugin {
  const importer = fileURLToPath(configUrl)
  const ours = (id: string) => names.some((name) => id === name || id.startsWith(`${name}/`))
  return {
    name: 'passline:resolve-from-here',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      return ours(id) ? this.resolve(id, importer, { ...options, skipSelf: true }) : null
    },
  }
}

/** The options Analog's Angular plugin takes here, whichever copy of it a folder installed. */
type AngularPluginFactory = (options: {
  tsconfig: string
  workspaceRoot: string
  jit: boolean
}) => Plugin | Plugin[]

/**
 * The Angular binding's sources and tests compiled ahead of time by the Angular installed next
 * to `configUrl` (a `compat/angular-*` folder) and run on its runtime. `angular` is that
 * folder's own copy of Analog's plugin, since it must drive that folder's compiler; the files
 * live next to the workspace's Angular, so without resolveFromHere they would import that one.
 */
export function angularCompatPlugins(configUrl: string, angular: AngularPluginFactory) {
  return [
    resolveFromHere(configUrl, ['@angular', '@testing-library/angular', 'rxjs']),
    angular({
      tsconfig: fileURLToPath(new URL('tsconfig.spec.json', configUrl)),
      workspaceRoot: fileURLToPath(new URL('.', configUrl)),
      jit: false,
    }),
  ]
}

export function definePasslineProject(
  name: string,
  test: NonNullable<UserWorkspaceConfig['test']> = {},
  /** More Vite config: a framework's compiler plugin, its resolve conditions. */
  vite: Pick<UserWorkspaceConfig, 'plugins'> & { conditions?: string[] } = {},
): UserWorkspaceConfig {
  return defineProject({
    plugins: vite.plugins,
    resolve: { alias: workspaceSourceAliases, conditions: vite.conditions },
    test: {
      name,
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
      css: rawCss,
      ...test,
    },
  })
}

export { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium.mjs'
