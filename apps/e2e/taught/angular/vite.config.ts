import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { defineConfig } from 'vite'

export default defineConfig({
  root: import.meta.dirname,
  // Angular's compiler, ahead of time, as `ng build` runs it.
  plugins: [
    angular({
      tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)),
      workspaceRoot: import.meta.dirname,
    }),
  ],
  // The binding as it is published: ng-packagr's build (with its own manifest) in dist/.
  resolve: {
    alias: {
      '@passline/angular': fileURLToPath(
        new URL('../../../../packages/angular/dist', import.meta.url),
      ),
    },
  },
})
