export { createEmulator } from './create-emulator'
export type { Emulator, EmulatorOptions, HandleOptions } from './create-emulator'
export { createMockServer } from './create-mock-server'
export type { MockServer, MockServerOptions } from './create-mock-server'
export { TEST_APPS, TEST_SECRET } from './apps'
export type { MockApp } from './apps'
export { createManualClock, systemClock } from './clock'
export type { Clock } from './clock'
export type { Envelope } from './envelope'
export { ChallengeRefused, findProofOfWork, solveChallenge } from './solve-challenge'
export type { SolveChallengeOptions, SolvedChallenge } from './solve-challenge'
export {
  HCAPTCHA_TEST_SECRET,
  PROVIDER_DEMO_SITES,
  PROVIDER_TEST_SITES,
  RECAPTCHA_TEST_SECRET,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SECRETS,
} from './emulated/sites'
export type { EmulatedProvider, EmulatedSite } from './emulated/sites'
export { FRIENDLY_DEMO_API_KEY } from './emulated/friendly-sites'
export { solveProviderChallenge } from './emulated/solve-provider-challenge'
export type { SolveProviderChallengeOptions } from './emulated/solve-provider-challenge'
