// Accessibility checks for the packages' unit tests: axe-core's WCAG 2.0–2.2 A and AA rules
// over a rendered component. In jsdom the rules that need layout or colour (target size,
// contrast) come back incomplete rather than passed; the element's browser tests and the e2e
// run them for real.
import axe from 'axe-core'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** The violations in `root` (id and the offending markup), empty when there is none. */
export async function axeViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, { runOnly: { type: 'tag', values: WCAG_22_AA } })
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.html}`),
  )
}
