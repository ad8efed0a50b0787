import { readFileSync } from 'node:fs'

// This file sits one level below the package root both as `src/assets.ts` and once bundled
// into `dist/*.js`, so the browser assets are always at `../assets/`.
const assetsDir = new URL('../assets/', import.meta.url)

/** The text of one browser asset (loader, SDK, styles, demo page), read once at start-up. */
export function readAsset(name: string): string {
  return readFileSync(new URL(name, assetsDir), 'utf8')
}
