import { fileURLToPath } from 'node:url'
import { moduleSuite } from './module-suite'

await moduleSuite('Nuxt 4', fileURLToPath(new URL('./fixture', import.meta.url)))
