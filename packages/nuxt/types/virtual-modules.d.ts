// What Nuxt and Nitro provide to a module's runtime files under their virtual names, for
// typechecking this package on its own; in an app the real ones resolve.
declare module '#app' {
  export { defineNuxtPlugin, useRuntimeConfig } from 'nuxt/app'
  export type { Plugin } from 'nuxt/app'
}

declare module '#imports' {
  export { useRuntimeConfig } from 'nitropack/runtime'
}
