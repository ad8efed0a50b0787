import { test as base } from '@playwright/test'
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator'
import { routeProviders } from './playwright'

export interface EmulatorFixtures {
  /** Options for each test's emulator: `test.use({ emulatorOptions: { sites, seed } })`. */
  emulatorOptions: EmulatorOptions
  /** This test's emulator; every page of the test's context is routed to it. */
  emulator: Emulator
}

/**
 * `@playwright/test`'s `test` with an `emulator` fixture: a fresh emulator per test, and the
 * test's browser context answered by it on the providers' real hosts (see `routeProviders`).
 */
export const test = base.extend<EmulatorFixtures>({
  emulatorOptions: [{}, { option: true }],
  emulator: async ({ emulatorOptions }, use) => {
    await use(createEmulator(emulatorOptions))
  },
  context: async ({ context, emulator }, use) => {
    const unroute = await routeProviders(context, emulator)
    await use(context)
    await unroute()
  },
})

export { expect } from '@playwright/test'
export { routeProviders }
