/// <reference types="node" />
// `ng add @passline/angular` against workspaces made in memory by Angular's own `workspace` and
// `application` schematics, as `ng new` makes them (no network, no install). The schematic is
// compiled to CommonJS as the build compiles it and run by the devkit's test runner, which
// loads it with require(), as the CLI does.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SchematicTestRunner, type UnitTestTree } from '@angular-devkit/schematics/testing'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const source = (path: string) => fileURLToPath(new URL(`../schematics/${path}`, import.meta.url))
// Inside the package, so the compiled schematic finds the devkit in its node_modules.
const built = (path: string) =>
  fileURLToPath(new URL(`../.test-build/schematics/${path}`, import.meta.url))

let ours: SchematicTestRunner
const angular = new SchematicTestRunner(
  '@schematics/angular',
  // Beside its package.json: the package's exports map would add `.js` to the name.
  join(dirname(require.resolve('@schematics/angular/package.json')), 'collection.json'),
)

beforeAll(() => {
  rmSync(built(''), { recursive: true, force: true })
  for (const file of ['collection.json', 'ng-add/schema.json']) {
    mkdirSync(dirname(built(file)), { recursive: true })
    copyFileSync(source(file), built(file))
  }
  const { outputText } = ts.transpileModule(readFileSync(source('ng-add/index.cts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  })
  writeFileSync(built('ng-add/index.cjs'), outputText)
  ours = new SchematicTestRunner('@passline/angular', built('collection.json'))
})

/** A workspace with one application, as `ng new app` makes it (standalone unless told). */
async function newApp(options: { standalone?: boolean } = {}): Promise<UnitTestTree> {
  const workspace = await angular.runSchematic('workspace', {
    name: 'workspace',
    newProjectRoot: 'projects',
    version: '21.2.0',
  })
  return angular.runSchematic('application', { name: 'app', ...options }, workspace)
}

/** Runs ng-add and collects what it logged, by level. */
async function ngAdd(tree: UnitTestTree, options: Record<string, unknown> = {}) {
  const logged: { level: string; message: string }[] = []
  const subscription = ours.logger.subscribe(({ level, message }) =>
    logged.push({ level, message }),
  )
  try {
    const result = await ours.runSchematic('ng-add', options, tree)
    return { tree: result, logged, text: logged.map((entry) => entry.message).join('\n') }
  } finally {
    subscription.unsubscribe()
  }
}

const APP_CONFIG = 'projects/app/src/app/app.config.ts'
const MAIN = 'projects/app/src/main.ts'
const IMPORT = "import { provideCaptchaDefaults } from '@passline/angular'"
const count = (text: string, part: string) => text.split(part).length - 1

describe('ng add @passline/angular', () => {
  it('adds provideCaptchaDefaults with a placeholder key to app.config.ts, imported, and says where to change it', async () => {
    const app = await newApp()
    const before = app.readText(APP_CONFIG)
    expect(before).not.toContain('provideCaptchaDefaults')

    const { tree, logged } = await ngAdd(app, { project: 'app' })

    const config = tree.readText(APP_CONFIG)
    expect(config).toContain(IMPORT)
    // In the providers array that ng new wrote, after what was there.
    expect(config).toMatch(
      /providers: \[[^\]]*provideRouter\(routes\),\s*provideCaptchaDefaults\(\{ siteKey: 'YOUR_SITE_KEY' \}\)\s*\]/,
    )
    expect(tree.readText(MAIN)).toBe(app.readText(MAIN))
    expect(logged).toContainEqual({
      level: 'warn',
      message: expect.stringMatching(
        /YOUR_SITE_KEY is a placeholder: replace it in projects\/app\/src\/app\/app\.config\.ts/,
      ),
    })
  })

  it('writes the key given with --site-key, and no placeholder warning', async () => {
    const { tree, logged } = await ngAdd(await newApp(), { siteKey: '0x4AAAAAAAPasslineKey' })
    expect(tree.readText(APP_CONFIG)).toContain(
      "provideCaptchaDefaults({ siteKey: '0x4AAAAAAAPasslineKey' })",
    )
    expect(logged.filter((entry) => entry.level === 'warn')).toEqual([])
    expect(logged.map((entry) => entry.message)).toContain(
      "Added provideCaptchaDefaults({ siteKey: '0x4AAAAAAAPasslineKey' }) to projects/app/src/app/app.config.ts.",
    )
  })

  it('run twice, adds it once', async () => {
    const once = (await ngAdd(await newApp())).tree
    const twice = await ngAdd(once, { siteKey: 'another-key' })
    const config = twice.tree.readText(APP_CONFIG)
    expect(config).toBe(once.readText(APP_CONFIG))
    expect(count(config, 'provideCaptchaDefaults(')).toBe(1)
    expect(count(config, IMPORT)).toBe(1)
    expect(twice.text).toContain('already in projects/app/src/app/app.config.ts: nothing changed')
  })

  it('installs nothing: the CLI has added the package, and no task is scheduled', async () => {
    await ngAdd(await newApp())
    expect(ours.tasks).toEqual([])
  })

  it('adds it to bootstrapApplication’s own providers when main.ts has no app.config', async () => {
    const app = await newApp()
    app.overwrite(
      MAIN,
      [
        "import { bootstrapApplication } from '@angular/platform-browser'",
        "import { provideZonelessChangeDetection } from '@angular/core'",
        "import { App } from './app/app'",
        '',
        'bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] })',
        '',
      ].join('\n'),
    )
    const { tree } = await ngAdd(app)
    const main = tree.readText(MAIN)
    expect(main).toContain(IMPORT)
    expect(main).toContain(
      "providers: [provideZonelessChangeDetection(), provideCaptchaDefaults({ siteKey: 'YOUR_SITE_KEY' })]",
    )
  })

  it('adds it to the root NgModule’s providers in an NgModule app', async () => {
    const app = await newApp({ standalone: false })
    const modulePath = app.files.find((path) => /\/src\/app\/app[.-]module\.ts$/.test(path))!
    expect(app.readText(MAIN)).toContain('bootstrapModule')

    const { tree, text } = await ngAdd(app)

    const module = tree.readText(modulePath)
    expect(module).toContain(IMPORT)
    expect(module).toMatch(
      /providers: \[[^\]]*provideCaptchaDefaults\(\{ siteKey: 'YOUR_SITE_KEY' \}\),?\s*\]/,
    )
    expect(text).toContain(
      `Added provideCaptchaDefaults({ siteKey: 'YOUR_SITE_KEY' }) to ${modulePath.slice(1)}.`,
    )
  })

  it('where the config cannot be read statically, changes nothing and says what to add by hand', async () => {
    const app = await newApp()
    const main = [
      "import { bootstrapApplication } from '@angular/platform-browser'",
      "import { App } from './app/app'",
      "import { configFor } from './app/app.config'",
      '',
      "bootstrapApplication(App, configFor('production'))",
      '',
    ].join('\n')
    app.overwrite(MAIN, main)
    // Every file as bytes: the app has binary ones (its favicon).
    const bytes = (tree: UnitTestTree, path: string) => tree.read(path)?.toString('base64')
    const files = new Map(app.files.map((path) => [path, bytes(app, path)]))

    const { tree, logged } = await ngAdd(app, { siteKey: 'my-key' })

    expect(tree.files).toEqual([...files.keys()])
    for (const [path, content] of files) expect(bytes(tree, path), path).toBe(content)
    expect(logged).toEqual([
      {
        level: 'warn',
        message: expect.stringContaining('Could not add the provider by itself'),
      },
    ])
    expect(logged[0]!.message).toContain(IMPORT)
    expect(logged[0]!.message).toContain("provideCaptchaDefaults({ siteKey: 'my-key' })")
    expect(logged[0]!.message).toContain("bootstrapApplication's providers")
  })

  it('refuses a site key that would not be a plain string in the code', async () => {
    await expect(ngAdd(await newApp(), { siteKey: "x' + alert(1) + '" })).rejects.toThrow(/siteKey/)
  })
})
