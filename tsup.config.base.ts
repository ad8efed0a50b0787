import type { Options } from 'tsup'

/**
 * Shared build for every publishable package: ESM + CJS + `.d.ts`, modern browsers.
 * A package's own `tsup.config.ts` spreads this and names its entries.
 */
export function definePackageBuild(overrides: Options = {}): Options {
  return {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  }
}
