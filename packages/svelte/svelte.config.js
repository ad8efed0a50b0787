// Read by svelte-package, svelte-check and the Vite plugin in tests. Svelte 5 strips the
// type annotations of `<script lang="ts">` itself, so no preprocessor is needed.
export default {
  compilerOptions: { runes: true },
}
