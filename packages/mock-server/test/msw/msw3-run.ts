// The MSW 3 run, in its own Node 22+ process (MSW 3 needs Promise.withResolvers): bundled by
// msw.test.ts with `msw` aliased to MSW 3, it prints what the backend checks saw as JSON.
import { setupServer } from 'msw/node'
import { createEmulator } from '../../src/index'
import { providerHandlers } from '../../src/msw'
import { backendChecks } from './backend-checks'

const unhandled: string[] = []
const emulator = createEmulator()
const server = setupServer(...providerHandlers(emulator))
// Recorded, and MSW's error answer instead of the network.
server.listen({
  onUnhandledRequest: (request, print) => {
    unhandled.push(request.url)
    print.error()
  },
})
try {
  const result = await backendChecks(emulator)
  process.stdout.write(`${JSON.stringify({ node: process.version, result, unhandled })}\n`)
} finally {
  server.close()
}
