import { fileURLToPath } from 'node:url'
import { moduleSuite } from '../../../packages/nuxt/test/module-suite'

await moduleSuite('Nuxt 3.13', fileURLToPath(new URL('../fixture', import.meta.url)))
