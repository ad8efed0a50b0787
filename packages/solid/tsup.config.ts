import { readFile } from 'node:fs/promises'
import { transformAsync } from '@babel/core'
import { transform, type Plugin } from 'esbuild'
import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

const external = ['solid-js', '@passline/core']

/**
 * `<Captcha>`'s JSX compiled by Solid 1's compiler (`generate` 'dom' or 'ssr', hydratable as
 * SolidStart compiles), for bundlers that do not take the `solid` condition. Types are stripped
 * first, keeping the JSX.
 */
function solid1Jsx(generate: 'dom' | 'ssr'): Plugin {
  return {
    name: 'passline:solid-1-jsx',
    setup(build) {
      build.onLoad({ filter: /\.tsx$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8')
        const stripped = await transform(source, {
          loader: 'tsx',
          jsx: 'preserve',
          sourcefile: path,
        })
        const compiled = await transformAsync(stripped.code, {
          filename: path,
          babelrc: false,
          configFile: false,
          presets: [['babel-preset-solid', { generate, hydratable: true }]],
        })
        return { contents: compiled?.code ?? '', loader: 'js' }
      })
    },
  }
}

export default defineConfig([
  // The `solid` condition, which Solid's Vite plugin (Solid 1's and 2's) resolves first: the
  // JSX kept, so the app's own compiler turns it into its own major's DOM or server code.
  // Solid 1 wrote that runtime in `solid-js/web`, Solid 2 in `@solidjs/web`: no compiled file
  // can import both.
  definePackageBuild({
    format: ['esm'],
    dts: false,
    external,
    outExtension: () => ({ js: '.jsx' }),
    esbuildOptions: (options) => void (options.jsx = 'preserve'),
  }),
  // Elsewhere, Solid 1: its DOM build (`import`, `require`) and its server build (`node`,
  // `worker`), as `solid-js/web` itself resolves.
  definePackageBuild({ clean: false, external, esbuildPlugins: [solid1Jsx('dom')] }),
  definePackageBuild({
    entry: { server: 'src/index.ts' },
    clean: false,
    dts: false,
    external,
    esbuildPlugins: [solid1Jsx('ssr')],
  }),
])
