/** How much of a provider's own words a `detail` keeps: enough for a log line, never a page. */
export const MAX_DETAIL_LENGTH = 200

/**
 * Provider text made safe to log and to show: printable ASCII only (markup characters,
 * quotes and control characters become `?`), white space folded, at most
 * `MAX_DETAIL_LENGTH` characters. An upstream's words only ever travel in a `detail`, never
 * as an error code.
 */
export function sanitizeDetail(text: unknown, max = MAX_DETAIL_LENGTH): string | undefined {
  if (typeof text !== 'string') return undefined
  const clean = text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]|[<>"'`&\\]/g, '?')
    .trim()
  if (!clean) return undefined
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean
}

/** `a: b`, leaving out what is missing, capped as a whole. */
export function joinDetail(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => !!part)
  if (!present.length) return undefined
  const joined = present.join(': ')
  return joined.length > MAX_DETAIL_LENGTH ? `${joined.slice(0, MAX_DETAIL_LENGTH - 1)}…` : joined
}
