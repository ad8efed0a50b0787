// The apps of the `packed apps (Node 24, 22)` stage: a minimal app of each current meta-framework
// major in compat/apps-node24/ (installed apart by scripts/bootstrap.sh), plus the READMEs'
// recipes, unchanged, written into it before each build (git-ignored there).
import { readFileSync } from 'node:fs'
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
  /**
   * The Nodes it is built and served on, each in turn: 24, and 22 where the framework's
   * `engines` allows it (our Node 22 is 22.23.5).
   */
  nodes: ('24' | '22')[]
  /** Node's arguments for the production build, in `dir`. */
  build: string[]
  /** Node's arguments for the production server, and its environment. */
  serve: (port: number, mockUrl: string) => { args: string[]; env: Record<string, string> }
  /** The recipe's page. */
  path: string
  /** Where the page sends the token: with fetch() as JSON, or as the browser's form post. */
  posts: { to: string; as: 'json' | 'form' }
  /** The server README's JSON route, when the page posts elsewhere: refused without a token. */
  api?: string
  /** What the page says when the backend refused a request without its token. */
  refused: string
}

const appsRoot = fileURLToPath(new URL('../../../compat/apps-node24/', import.meta.url))

/** The code of the block whose first line is `// <label>: <path>`. */
const labelled = (readme: string, label: string) => readLabelledBlock(readme, label).code

/** The code of the one block of `readme` whose first line starts with `first`. */
function blockStarting(readme: string, first: string): string {
  const blocks = readFileSync(new URL(`../../../${readme}`, import.meta.url), 'utf8')
    .split(/^```/m)
    .filter((_, index) => index % 2 === 1)
    .map((block) => block.slice(block.indexOf('\n') + 1))
    .filter((code) => code.startsWith(first))
  if (blocks.length !== 1) throw new Error(`${readme}: ${blocks.length} blocks starting ${first}`)
  return blocks[0]!
}

const REFUSED = 'Sign-up refused (missing_token).'

export const PACKED_APPS: PackedApp[] = [
  {
    name: 'SvelteKit 3',
    dir: `${appsRoot}sveltekit-3/`,
    packages: ['core', 'svelte', 'server'],
    nodes: ['24', '22'],
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
    refused: REFUSED,
  },
  {
    name: 'Astro 7',
    dir: `${appsRoot}astro-7/`,
    packages: ['core', 'element', 'server'],
    nodes: ['24', '22'],
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
    refused: REFUSED,
  },
  {
    name: 'SolidStart 2',
    dir: `${appsRoot}solidstart-2/`,
    packages: ['core', 'solid', 'server'],
    // @solidjs/start 2 declares Node 24 and later.
    nodes: ['24'],
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
    refused: REFUSED,
  },
  {
    name: 'Nuxt 4',
    dir: `${appsRoot}nuxt-4/`,
    packages: ['core', 'vue', 'server', 'nuxt'],
    nodes: ['24', '22'],
    recipes: () => ({
      'nuxt.config.ts': labelled('packages/nuxt/README.md', 'nuxt.config.ts'),
      // Nuxt 4's source folder is app/.
      'app/pages/signup.vue': blockStarting('packages/nuxt/README.md', '<!-- pages/signup.vue'),
      'server/api/signup.post.ts': labelled('packages/nuxt/README.md', 'server/api/signup.post.ts'),
    }),
    build: ['node_modules/nuxt/bin/nuxt.mjs', 'build'],
    serve: (port, mockUrl) => ({
      args: ['.output/server/index.mjs'],
      env: {
        HOST: '127.0.0.1',
        PORT: String(port),
        // The secret, and the emulator as CaptchaLa's API, as the Nuxt README sets them.
        NUXT_PASSLINE_SECRET: 'your-app-secret',
        NUXT_PASSLINE_BASE_URL: mockUrl,
      },
    }),
    path: '/signup',
    posts: { to: '/api/signup', as: 'json' },
    // The recipe's page says the same words for every refusal ($fetch throws on the 403).
    refused: 'Sign-up refused.',
  },
]
