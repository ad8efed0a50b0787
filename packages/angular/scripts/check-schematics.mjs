// The packed package's schematics as the Angular CLI finds them: package.json's "schematics"
// names a collection that is in the tarball, and every factory in it loads with require()
// (the CLI's way) and is a function, with its schema beside it. publint and attw see none
// of this. Usage: node scripts/check-schematics.mjs <unpacked package directory>
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'

const root = resolve(process.argv[2] ?? '.pack/package')
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
const problems = []
if (!manifest['ng-add']) problems.push('package.json has no "ng-add" entry')
const collectionPath = manifest.schematics && resolve(root, manifest.schematics)
if (!collectionPath || !existsSync(collectionPath)) {
  problems.push(`the collection "${manifest.schematics}" is not in the package`)
} else {
  const collection = JSON.parse(readFileSync(collectionPath, 'utf8'))
  const require = createRequire(collectionPath)
  for (const [name, { factory, schema }] of Object.entries(collection.schematics)) {
    const [file, exported = 'default'] = factory.split('#')
    try {
      if (typeof require(resolve(dirname(collectionPath), file))[exported] !== 'function')
        problems.push(`${name}: ${factory} is not a function`)
    } catch (error) {
      problems.push(`${name}: ${factory} does not load: ${error.message}`)
    }
    if (schema && !existsSync(resolve(dirname(collectionPath), schema)))
      problems.push(`${name}: its schema ${schema} is not in the package`)
  }
  if (!collection.schematics['ng-add']) problems.push('the collection has no ng-add schematic')
}
for (const problem of problems) console.error(`check-schematics: ${problem}`)
if (problems.length) process.exit(1)
process.stdout.write(
  `check-schematics: ${manifest.name}'s schematics load as the Angular CLI loads them\n`,
)
