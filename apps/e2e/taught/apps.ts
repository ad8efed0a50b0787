// The minimal apps the taught-path suite builds: what each framework's own scaffolder starts
// with (an index.html, a main entry, the framework's Vite plugin), plus one file written from a
// README's recipe, unchanged. Each folder here holds the scaffold; `recipe` names the file the
// recipe becomes (git-ignored, written before each build).
import { fileURLToPath } from 'node:url'

export interface TaughtApp {
  name: string
  /** The folder with the scaffold, and after the build its `dist/`. */
  root: string
  readme: string
  recipeId: string
  /** The file in `root` the recipe is written to. */
  recipeFile: string
  /** Built by Vite into `root/dist/`; a page without a bundler is served as written. */
  bundled: boolean
  /** Where its served files are. */
  served: string
  /**
   * What the page shows of the captcha: `widget`, the binding's own (ticked before the submit,
   * saying in words when it cannot load); `status`, the headless core's recipe: its status line
   * shows the controller's `status`, and the submit runs the challenge (CaptchaLa's popup).
   */
  shows: 'widget' | 'status'
}

export const TAUGHT_APPS: TaughtApp[] = [
  { name: 'react', readme: 'packages/react/README.md', recipeFile: 'recipe.tsx' },
  { name: 'vue', readme: 'packages/vue/README.md', recipeFile: 'Recipe.vue' },
  { name: 'svelte', readme: 'packages/svelte/README.md', recipeFile: 'Recipe.svelte' },
  { name: 'solid', readme: 'packages/solid/README.md', recipeFile: 'recipe.tsx' },
  { name: 'angular', readme: 'packages/angular/README.md', recipeFile: 'recipe.ts' },
  // No bundler on this page: the recipe is the whole index.html.
  { name: 'element', readme: 'packages/element/README.md', recipeFile: 'index.html' },
  // The headless core: the recipe is the page's script, into the page its README describes.
  { name: 'core', readme: 'packages/core/README.md', recipeFile: 'recipe.ts' },
].map((app) => {
  const root = fileURLToPath(new URL(`./${app.name}/`, import.meta.url))
  const bundled = app.name !== 'element'
  const shows: TaughtApp['shows'] = app.name === 'core' ? 'status' : 'widget'
  return {
    ...app,
    recipeId: app.name,
    root,
    bundled,
    served: bundled ? `${root}dist/` : root,
    shows,
  }
})

/** The backend every taught app posts to: the server README's Express recipe. */
export const SERVER_RECIPE = {
  readme: 'packages/server/README.md',
  label: 'Express:',
  file: fileURLToPath(new URL('./server/app.ts', import.meta.url)),
}
