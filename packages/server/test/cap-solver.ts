// Cap's own solver, as its widget runs it in a worker: the widget's worker.js evaluated with
// no WebAssembly, so it takes its JavaScript solver (the same search as its WASM one).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import vm from 'node:vm'
import type { CapChallenge } from '../src/index'
import { capPrng } from '../src/cap-prng'

const WORKER = readFileSync(
  createRequire(import.meta.url).resolve('@cap.js/widget/src/worker.js'),
  'utf8',
)

interface WorkerGlobal {
  CAP_SILENT: boolean
  onmessage?: (event: { data: unknown }) => unknown
  postMessage?: (message: { nonce?: number; found: boolean }) => void
}

/** Finds, with Cap's worker, the nonce whose SHA-256 of `salt + nonce` starts with `target`. */
export function solvePuzzle(salt: string, target: string): Promise<number> {
  const self: WorkerGlobal = { CAP_SILENT: true }
  vm.runInNewContext(`{ const WebAssembly = undefined;\n${WORKER}\n}`, {
    self,
    crypto: globalThis.crypto,
    TextEncoder,
    performance,
    console,
  })
  return new Promise((resolve, reject) => {
    self.postMessage = (message) =>
      message.found ? resolve(message.nonce!) : reject(new Error('no solution'))
    void self.onmessage!({ data: { salt, target } })
  })
}

/** What the widget posts to `{endpoint}redeem` for a challenge: its token and every solution. */
export async function solveCap({ challenge, token }: CapChallenge) {
  const solutions: number[] = []
  for (let i = 1; i <= challenge.c; i++)
    solutions.push(
      await solvePuzzle(
        capPrng(`${token}${i}`, challenge.s),
        capPrng(`${token}${i}d`, challenge.d),
      ),
    )
  return { token, solutions }
}

/** The generator Cap's widget draws its puzzles with, taken from the widget's own source. */
export function widgetPrng(): (seed: string, length: number) => string {
  const source = readFileSync(
    createRequire(import.meta.url).resolve('@cap.js/widget/src/cap.js'),
    'utf8',
  )
  const prng = /function prng\(seed, length\) \{[\s\S]*?\n {2}\}\n/.exec(source)?.[0]
  if (!prng) throw new Error("no prng in Cap's widget source")
  return vm.runInNewContext(`(${prng})`) as (seed: string, length: number) => string
}
