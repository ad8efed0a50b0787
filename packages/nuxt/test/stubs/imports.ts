// Stands in for Nitro's `#imports` in the unit tests: the runtime config a test sets.
import type { PasslinePrivateConfig, PasslinePublicConfig } from '../../src/options'

export const runtimeConfig: {
  public: { passline: PasslinePublicConfig }
  passline: PasslinePrivateConfig
} = {
  public: {
    passline: {
      provider: 'captchala',
      siteKey: '',
      scriptUrl: '',
      language: 'auto',
      theme: 'auto',
    },
  },
  passline: {
    secret: '',
    baseUrl: '',
    backupUrl: '',
    siteverifyUrl: '',
    trustProxy: false,
    ipHeader: '',
  },
}

export const useRuntimeConfig = () => runtimeConfig
