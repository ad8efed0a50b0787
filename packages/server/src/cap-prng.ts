/**
 * Cap's puzzle generator, as its widget and server compute it: an FNV-1a hash of `seed` starts
 * a xorshift32 generator, whose numbers are written as 8 hex digits each and cut to `length`.
 * The arithmetic is Cap's, down to JavaScript's 32-bit conversions: a solution is found in
 * the browser for exactly these salts and targets.
 */
export function capPrng(seed: string, length: number): string {
  let hash = 2166136261
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index)
    hash += (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)
  }
  let state = hash >>> 0
  let result = ''
  while (result.length < length) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    result += (state >>> 0).toString(16).padStart(8, '0')
  }
  return result.substring(0, length)
}
