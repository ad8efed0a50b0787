import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { rawPlugin } from '../raw-plugin'

/**
 * Bundles a source entry (relative to test/) for a Node process of its own, into .test-build/
 * inside the package (so its dependencies resolve as the package's), its assets inlined as in
 * `dist/`. `alias` swaps a dependency (MSW 3 for `msw`). Resolves with the bundle's path.
 */
export async function bundleForNode(
  entry: string,
  name: string,
  alias: Record<string, string> = {},
): Promise<string> {
  const outfile = fileURLToPath(new URL(`../.test-build/${name}`, import.meta.url))
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    alias,
    plugins: [rawPlugin],
    logLevel: 'silent',
  })
  return outfile
}
