/**
 * Whether two signatures (or keys) written as text are equal, taking the same time wherever
 * they differ: an early exit would tell an attacker, one request at a time, how much of a
 * forged signature was right. Only the length, which is public, ends it early.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++)
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index)
  return difference === 0
}
