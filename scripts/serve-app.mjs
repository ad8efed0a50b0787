// `pnpm demo` runs this in a sample app's folder: Vite's dev server on a free port, printing
// `ready: <url>` for the launcher. /api is proxied to PASSLINE_API_URL by the app's config.
import { createServer } from 'vite'

const server = await createServer({ root: process.cwd(), server: { port: 0 }, logLevel: 'warn' })
await server.listen()
console.log(`ready: ${server.resolvedUrls.local[0]}`)
const stop = () => void server.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
