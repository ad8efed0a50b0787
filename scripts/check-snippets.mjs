// README snippets: every TypeScript, TSX, Vue and Svelte code block of every README is
// typechecked against the built packages, the way a user pasting it into a newly scaffolded
// app would compile it (with the strict flags of SCAFFOLDED below). Each
// block is written into the package it imports from (so `react`, `vue`, `express`... resolve
// there), then that package's blocks are checked with tsc (vue-tsc for .vue, svelte-check for
// .svelte).
//
// Markers, on the last non-blank line above a block's fence:
//   <!-- snippet: partial (why) -->    a deliberate fragment: not compiled
//   <!-- snippet: declare ... -->      prepended as is: what the block assumes exists
//                                      (e.g. `declare const form: HTMLFormElement`)
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('..', import.meta.url))
const EXTENSIONS = { ts: 'ts', typescript: 'ts', tsx: 'tsx', vue: 'vue', svelte: 'svelte' }
const SNIPPETS_DIR = '.snippets'
/**
 * What a new app's tsconfig turns on, so that a snippet compiles where users paste it:
 * create-vite 9's TypeScript templates (tsconfig.app.json of vue-ts, react-ts, solid-ts,
 * preact-ts; tsconfig.json of vanilla-ts) set the first four, the Vue one's @vue/tsconfig and
 * the others set `verbatimModuleSyntax`, and their TypeScript 6 and 7 turn on the last by
 * default. Every compiler gets them all (tsc, vue-tsc, svelte-check: svelte-ts leaves the
 * first two off, but a Svelte app may set them): a name a block declares and never reads
 * fails a scaffolded build, so the block must read it, export it or not declare it.
 */
const SCAFFOLDED = {
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  noUncheckedSideEffectImports: true,
}

const readmes = [
  'README.md',
  ...['packages', 'apps'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .map((name) => `${folder}/${name}/README.md`)
      .filter((file) => existsSync(join(root, file))),
  ),
]

/** The blocks of one README, with where they start and what their markers say. */
function blocksOf(file) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n')
  const blocks = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\w+)\s*$/.exec(lines[index])
    if (!open) continue
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'))
    const extension = EXTENSIONS[open[1]]
    // The marker stands on the last non-blank line above the fence.
    let above = index - 1
    while (above > 0 && !lines[above].trim()) above--
    const marker = /^<!--\s*snippet:\s*(.*?)\s*-->$/.exec(lines[above]?.trim() ?? '')?.[1]
    if (extension && !marker?.startsWith('partial')) {
      blocks.push({
        file,
        line: index + 2,
        extension,
        prelude: marker?.startsWith('declare') ? marker : '',
        code: lines.slice(index + 1, end).join('\n'),
      })
    }
    index = end
  }
  return blocks
}

/**
 * The folder a block is compiled in, where what it imports resolves: the Next.js sample for
 * Next's own modules, else the first `@passline/x` package it imports, else its README's
 * package, else the core.
 */
function homeOf(block) {
  if (/from 'next\//.test(block.code)) return 'apps/next-demo'
  const named = /from '@passline\/([a-z-]+)/.exec(block.code)?.[1]
  if (named && existsSync(join(root, 'packages', named))) return `packages/${named}`
  return `packages/${/^packages\/([a-z-]+)\//.exec(block.file)?.[1] ?? 'core'}`
}

const byHome = new Map()
for (const block of readmes.flatMap(blocksOf)) {
  const home = homeOf(block)
  byHome.set(home, [...(byHome.get(home) ?? []), block])
}

let failed = 0
let checked = 0
for (const [name, blocks] of byHome) {
  const dir = join(root, name, SNIPPETS_DIR)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const origins = new Map()
  for (const block of blocks) {
    const base = `${block.file.replace(/[/.]/g, '_')}_${block.line}`
    const file = `${base}.${block.extension}`
    const header = `// ${block.file}:${block.line}\n`
    let text = header + (block.prelude ? `${block.prelude}\n` : '') + block.code + '\n'
    if (block.extension === 'svelte') {
      text = block.prelude
        ? block.code.replace(/<script( lang="ts")?>/, (tag) => `${tag}\n${block.prelude}`)
        : block.code
    } else if (block.extension !== 'vue') text += 'export {}\n'
    else if (block.prelude)
      text = text.replace('<script setup lang="ts">', (tag) => `${tag}\n${block.prelude}`)
    writeFileSync(join(dir, file), text)
    // tsc reports lines of the written file; the README's line is this much further down.
    // (A .svelte file carries no header line.)
    const headerLines = block.extension === 'svelte' ? 0 : 1
    origins.set(file, {
      readme: block.file,
      offset: block.line - 1 - headerLines - (block.prelude ? 1 : 0),
    })
    checked += 1
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: '../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          ...SCAFFOLDED,
          // JSX the way the home package compiles it (Solid's, not React's).
          ...jsxOptionsOf(name),
          // An Angular package is built into dist/ with a manifest of its own.
          ...(existsSync(join(root, name, 'dist', 'package.json'))
            ? { paths: { [`@passline/${name.split('/')[1]}`]: ['../dist'] } }
            : {}),
        },
        include: ['*.ts', '*.tsx', '*.vue', '*.svelte'],
      },
      null,
      2,
    ),
  )
  if (blocks.some((block) => block.extension === 'svelte')) {
    const ok = svelteCheck(name, dir, origins)
    if (!ok) failed += 1
    console.log(`${ok ? '✓' : '✗'} ${blocks.length} snippets compiled in ${name}`)
    continue
  }
  const hasVue = blocks.some((block) => block.extension === 'vue')
  const compiler = join(root, 'node_modules', '.bin', hasVue ? 'vue-tsc' : 'tsc')
  const bin = existsSync(compiler)
    ? compiler
    : join(root, name, 'node_modules', '.bin', hasVue ? 'vue-tsc' : 'tsc')
  const run = spawnSync(bin, ['-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
    cwd: join(root, name),
    encoding: 'utf8',
  })
  const output = `${run.stdout}${run.stderr}`.trim()
  if (run.status !== 0) {
    failed += 1
    for (const line of output.split('\n')) {
      const at = /^(?:.*[/\\])?([^/\\(]+)\((\d+),(\d+)\): (.*)$/.exec(line)
      const origin = at && origins.get(at[1])
      console.error(
        origin ? `✗ ${origin.readme}:${Number(at[2]) + origin.offset}: ${at[4]}` : `  ${line}`,
      )
    }
  }
  console.log(`${run.status === 0 ? '✓' : '✗'} ${blocks.length} snippets compiled in ${name}`)
}
function jsxOptionsOf(name) {
  const tsconfig = join(root, name, 'tsconfig.json')
  if (!existsSync(tsconfig)) return {}
  // tsconfig.json may carry comments: read it the way tsc does.
  const { config } = ts.parseConfigFileTextToJson(tsconfig, readFileSync(tsconfig, 'utf8'))
  const { jsx, jsxImportSource } = config?.compilerOptions ?? {}
  return jsxImportSource ? { jsx, jsxImportSource } : {}
}

/** svelte-check over the folder (its `.svelte` and `.ts` files); reports README lines. */
function svelteCheck(name, dir, origins) {
  const run = spawnSync(
    join(root, name, 'node_modules', '.bin', 'svelte-check'),
    ['--workspace', dir, '--tsconfig', join(dir, 'tsconfig.json'), '--output', 'machine'],
    { cwd: join(root, name), encoding: 'utf8' },
  )
  for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
    const at = /^\d+ ERROR "([^"]+)" (\d+):(\d+) (.*)$/.exec(line)
    if (!at) continue
    const origin = origins.get(at[1])
    console.error(
      `✗ ${origin ? `${origin.readme}:${Number(at[2]) + origin.offset}` : at[1]}: ${at[4]}`,
    )
  }
  return run.status === 0
}

console.log(`${checked} README snippets checked${failed ? `, ${failed} packages with errors` : ''}`)
process.exit(failed ? 1 : 0)
