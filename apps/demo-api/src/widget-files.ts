import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Where the pages load ALTCHA's and Cap's widgets from: this backend, under /api. */
export const WIDGETS_PATH = '/api/widgets/'

const require = createRequire(import.meta.url)

/**
 * The self-hosted providers' widgets, their own published files (the versions the lockfile
 * pins): the pages load them from this backend, so nothing reaches a CDN and the demo runs
 * offline. Cap's widget fetches its WASM solver from jsDelivr unless the page sets
 * `window.CAP_CUSTOM_WASM_URL` (Cap's own setting), so that file is served here too.
 */
const FILES = {
  // The ES module build the core loads (`altcha/dist/main/altcha.min.js`); the package's
  // exports name only its entry, whose folder holds it.
  'altcha.js': {
    path: () => join(dirname(require.resolve('altcha')), 'altcha.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'cap.js': {
    path: () => require.resolve('@cap.js/widget/cap.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'cap_wasm_bg.wasm': {
    path: () =>
      join(dirname(require.resolve('@cap.js/wasm/package.json')), 'browser/cap_wasm_bg.wasm'),
    type: 'application/wasm',
  },
} as const

export type WidgetFile = keyof typeof FILES

export const widgetUrl = (file: WidgetFile) => `${WIDGETS_PATH}${file}`

/** Each file read once, at start-up: a missing package stops the server there, not a page. */
export async function readWidgetFiles(): Promise<Map<string, { body: Buffer; type: string }>> {
  const files = new Map<string, { body: Buffer; type: string }>()
  for (const [name, { path, type }] of Object.entries(FILES))
    files.set(name, { body: await readFile(path()), type })
  return files
}
