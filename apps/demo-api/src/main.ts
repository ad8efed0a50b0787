// `pnpm demo` starts this: the demo backend against the mock provider the launcher started.
import { createDemoApi } from './demo-api'

const captchalaUrl =
  process.env.PASSLINE_MOCK_URL ?? process.env.CAPTCHALA_URL ?? 'http://127.0.0.1:8787'
const api = await createDemoApi({
  captchalaUrl,
  appSecret: process.env.CAPTCHALA_APP_SECRET ?? 'test_secret',
  port: Number(process.env.PASSLINE_API_PORT ?? 8788),
})
console.log(`ready: ${api.url}`)
const stop = () => void api.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
