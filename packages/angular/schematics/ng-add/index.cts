// `ng add @passline/angular`: the CLI has installed the package (and with it @passline/core);
// this adds `provideCaptchaDefaults({ siteKey })` to the app's root providers, through the
// CLI's own helper, so every <ngx-passline-captcha> and injectCaptcha() has its site key.
// It installs nothing more. A .cts file, compiled to .cjs: the CLI loads schematics with
// require(), and the package is ESM (a nested package.json saying otherwise is not packed).
import {
  callRule,
  chain,
  SchematicsException,
  type Rule,
  type SchematicContext,
  type Tree,
} from '@angular-devkit/schematics'
import {
  addRootProvider,
  readWorkspace,
  type WorkspaceDefinition,
} from '@schematics/angular/utility'

export interface NgAddOptions {
  /** The application; default: the current directory's project, or the only application. */
  project?: string
  /** The site key to write; default {@link PLACEHOLDER_SITE_KEY}. */
  siteKey?: string
}

/** Written when no `--site-key` is given: plainly not a key, and easy to search for. */
export const PLACEHOLDER_SITE_KEY = 'YOUR_SITE_KEY'

const PACKAGE = '@passline/angular'
const PROVIDER = 'provideCaptchaDefaults'
const CALLED = new RegExp(`\\b${PROVIDER}\\s*\\(`)

export function ngAdd(options: NgAddOptions): Rule {
  return async (tree, context) => {
    // The schema's pattern keeps quotes and backslashes out, so it is safe inside quotes.
    const siteKey = options.siteKey || PLACEHOLDER_SITE_KEY
    const provider = `${PROVIDER}({ siteKey: '${siteKey}' })`
    const workspace = await readWorkspace(tree)
    const projectName = options.project ?? onlyApplication(workspace)
    const project = workspace.projects.get(projectName)
    if (!project) throw new SchematicsException(`There is no project "${projectName}".`)
    if (project.extensions['projectType'] !== 'application') {
      return byHand(context, provider, `"${projectName}" is not an application`)
    }
    const sourceRoot = project.sourceRoot ?? `${project.root ? `${project.root}/` : ''}src`

    // Running again must not add a second one: any call in the app's sources counts.
    const existing = filesCalling(tree, sourceRoot)
    if (existing.length) {
      context.logger.info(`${PROVIDER}() is already in ${existing.join(', ')}: nothing changed.`)
      return
    }

    const add = addRootProvider(
      projectName,
      ({ code, external }) => code`${external(PROVIDER, PACKAGE)}({ siteKey: '${siteKey}' })`,
    )
    // The helper may give up half-way (the import added, the provider not): try it on a copy
    // first, and where it cannot place the provider, say what to write and change nothing.
    try {
      await run(add, tree.branch(), context)
    } catch (error) {
      return byHand(context, provider, error instanceof Error ? error.message : String(error))
    }
    return chain([add, (changed) => report(changed, context, sourceRoot, siteKey)])
  }
}

/** The project to use when none is named: the workspace's application, if it has one only. */
function onlyApplication(workspace: WorkspaceDefinition) {
  const applications = [...workspace.projects].filter(
    ([, project]) => project.extensions['projectType'] === 'application',
  )
  if (applications.length === 1) return applications[0]![0]
  throw new SchematicsException(
    applications.length
      ? `This workspace has several applications: name one with --project (${applications.map(([name]) => name).join(', ')}).`
      : 'This workspace has no application to add the provider to.',
  )
}

/** The TypeScript files under `root` (tests and node_modules aside) that call the provider. */
function filesCalling(tree: Tree, root: string): string[] {
  const found: string[] = []
  tree.getDir(root).visit((path) => {
    if (path.includes('/node_modules/') || !path.endsWith('.ts') || path.endsWith('.spec.ts'))
      return
    if (CALLED.test(tree.readText(path))) found.push(path.replace(/^\//, ''))
  })
  return found
}

function run(rule: Rule, tree: Tree, context: SchematicContext): Promise<void> {
  return new Promise((resolve, reject) => {
    callRule(rule, tree, context).subscribe({ error: reject, complete: resolve })
  })
}

function report(tree: Tree, context: SchematicContext, sourceRoot: string, siteKey: string) {
  const where = filesCalling(tree, sourceRoot).join(', ')
  context.logger.info(`Added ${PROVIDER}({ siteKey: '${siteKey}' }) to ${where}.`)
  if (siteKey === PLACEHOLDER_SITE_KEY) {
    context.logger.warn(
      `${PLACEHOLDER_SITE_KEY} is a placeholder: replace it in ${where} with your site key ` +
        `(CaptchaLa: your app key).`,
    )
  }
}

/** Where the app cannot be edited safely: what to add, and where, in words. */
function byHand(context: SchematicContext, provider: string, why: string) {
  context.logger.warn(
    [
      `Could not add the provider by itself (${why}). Add it to your root providers by hand:`,
      `  import { ${PROVIDER} } from '${PACKAGE}'`,
      `  ${provider}`,
      `in bootstrapApplication's providers (app.config.ts in a standalone app) or in your root ` +
        `NgModule's providers.`,
    ].join('\n'),
  )
}
