import angular from '@analogjs/vite-plugin-angular'
import { angularCompatPlugins } from '../../vitest.shared.ts'

/** The binding compiled and run on Angular 20, the copy installed in this folder. */
export const angular20Plugins = () => angularCompatPlugins(import.meta.url, angular)
