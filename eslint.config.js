import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      '**/.turbo/**',
      '**/node_modules/**',
      '**/.test-build/**',
      '**/.snippets/**',
      '**/.recipes/**',
      '**/.nuxt/**',
      '**/.svelte-kit/**',
      '**/.pack/**',
      'apps/svelte-demo/build/**',
      // Written from the READMEs' recipes before the taught-path build (apps/e2e/taught).
      'apps/e2e/taught/*/recipe.*',
      'apps/e2e/taught/*/Recipe.*',
      'apps/e2e/taught/element/index.html',
      'apps/e2e/taught/server/**',
      '**/.output/**',
      '**/.next/**',
      'bench/.tmp/**',
      // The packed apps stage's apps: scaffolds with their own configs (compat/apps-node24).
      'compat/apps-node24/*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [
      'packages/react/**/*.{ts,tsx}',
      'apps/react-demo/**/*.{ts,tsx}',
      'apps/next-demo/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Tests define small components next to each other.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
  {
    // Nuxt apps use the names Nuxt and its modules auto-import; TypeScript checks them.
    files: ['packages/nuxt/test/fixture/**', 'apps/nuxt-demo/**'],
    rules: { 'no-undef': 'off', 'vue/multi-word-component-names': 'off' },
  },
  {
    // Build scripts, CLIs and servers talk to the terminal on purpose.
    files: ['scripts/**', '**/bin/**', '**/cli.ts', 'apps/demo-api/**', 'bench/**', 'apps/e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Served to browsers as they are, without a build: plain scripts in prototype style.
    files: ['packages/mock-server/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  prettier,
)
