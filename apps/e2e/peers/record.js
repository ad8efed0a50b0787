// What each peer page was asked to render, and a record of what the peer library handed back
// through its own callbacks, for the test to read.
const query = new URLSearchParams(location.search)
export const siteKey = query.get('siteKey') ?? ''
export const record = (window.peer = { tokens: [], errors: [] })
export const onToken = (token) => record.tokens.push(token)
export const onError = (error) => record.errors.push(String(error))
