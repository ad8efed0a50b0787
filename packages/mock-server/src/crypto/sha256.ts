import { sha256 as sha256Portable } from '@noble/hashes/sha2'

/**
 * SHA-256 that runs wherever the emulator does: Node's own (the fast path, for the HTTP
 * server's hot validation loop) when the runtime offers it without an import, and
 * `@noble/hashes` in browsers (MSW's `setupWorker`), where Web Crypto only offers an async one
 * and the emulator's checks are synchronous on purpose (check-and-consume in one step).
 */
type NodeHash = (algorithm: 'sha256', data: Uint8Array, encoding: 'buffer') => Uint8Array

// `process.getBuiltinModule` (Node 20.16+, 22.3+) reaches node:crypto without an import a
// browser bundle would have to resolve.
const nodeHash = (
  globalThis as {
    process?: { getBuiltinModule?: (id: string) => { hash?: NodeHash } | undefined }
  }
).process?.getBuiltinModule?.('node:crypto')?.hash

export const sha256: (data: Uint8Array) => Uint8Array = nodeHash
  ? (data) => nodeHash('sha256', data, 'buffer')
  : sha256Portable

export { sha256Portable }
