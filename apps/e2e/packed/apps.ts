// The apps of the `packed apps (Node 24)` stage: a minimal app of each current meta-framework
// major in compat/apps-node24/ (installed apart by scripts/bootstrap.sh), plus the READMEs'
// recipes, unchanged, written into it before each build (git-ignored there).
import { fileURLToPath } from 'node:url'
import { readLabelledBlock, readRecipe } from '../taught/recipes'

export interface PackedApp {
  name: string
  /** Its folder under compat/apps-node24/. */
  dir: string
  /** Our packages it installs from their packed tarballs (with what they depend on). */
  packages: string[]
  /** Each file the READMEs teach, by its path in the app. */
  recipes: () => Record<string, string>
  /** Node 24's arguments for the production build, in `dir`. */
  build: string[]
  /** Node 24's arguments for the production server, and its environment. */
  serve: (port: number) => { args: string[]; env: Record<string, string> }
  /** The recipe's page. */
  path: string
  /** Where the page sends the token: with fetch() as JSON, or as the browser's form post. */
  posts: { to: string; as: 'json' | 'form' }
  /** The server README's JSON route, when the page posts elsewhere: refused without a token. */
  api?: string
}

const appsRoot = fileURLToPath(new URL('../../../compat/apps-node24/', import.meta.url))

/** The code of the block whose first line is `// <label>: <path>`. */
const labelled = (readme: string, label: string) => readLabelledBlock(readme, label).code

export const PACKED_APPS: PackedApp[] = [
  {
    name: 'SvelteKit 3',
    dir: `${appsRoot}sveltekit-3/`,
    packages: ['core', 'svelte', 'server'],
    recipes: () => ({
      // The recipe is a whole component: a page of its own beside the scaffold's.
      'src/routes/signup/+page.svelte': readRecipe('packages/svelte/README.md', 'svelte').code,
      'src/env.ts': labelled('packages/server/README.md', 'SvelteKit 3 variables'),
      'src/routes/api/signup/+server.ts': labelled(
        'packages/server/README.md',
        'SvelteKit endpoint',
      ),
    }),
    build: ['node_modules/vite/bin/vite.js', 'build'],
    serve: (port) => ({
      args: ['build/index.js'],
      env: { HOST: '127.0.0.1', PORT: String(port), ORIGIN: `http://127.0.0.1:${port}` },
    }),
    path: '/signup',
    posts: { to: '/api/signup', as: 'json' },
  },
  {
    name: 'Astro 7',
    dir: `${appsRoot}astro-7/`,
    packages: ['core', 'element', 'server'],
    recipes: () => ({
      // The element in an Astro page that validates its own form post.
      'src/pages/signup.astro': readRecipe('packages/element/README.md', 'astro').code,
      'src/pages/api/signup.ts': labelled('packages/server/README.md', 'Astro:'),
      // The scaffold's config as the server README teaches it: the adapter and the secrets.
      'astro.config.mjs': labelled('packages/server/README.md', 'Astro config'),
    }),
    build: ['node_modules/astro/bin/astro.mjs', 'build'],
    serve: (port) => ({
      args: ['dist/server/entry.mjs'],
      env: { HOST: '127.0.0.1', PORT: String(port) },
    }),
    path: '/signup',
    posts: { to: '/signup', as: 'form' },
    api: '/api/signup',
  },
  {
    name: 'SolidStart 2',
    dir: `${appsRoot}solidstart-2/`,
    packages: ['core', 'solid', 'server'],
    recipes: () => ({
      // The recipe is a component; the app's route src/routes/signup.tsx renders it.
      'src/SignupForm.tsx': readRecipe('packages/solid/README.md', 'solid').code,
      'src/routes/api/signup.ts': labelled('packages/server/README.md', 'SolidStart:'),
    }),
    build: ['node_modules/vite/bin/vite.js', 'build'],
    serve: (port) => ({
      args: ['.output/server/index.mjs'],
      env: { HOST: '127.0.0.1', PORT: String(port) },
    }),
    path: '/signup',
    posts: { to: '/api/signup', as: 'json' },
  },
]
