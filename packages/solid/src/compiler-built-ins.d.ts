import type { JSX } from 'solid-js'

// Solid's compiler imports its built-ins (`<Dynamic>` here) from the app's own Solid major, so
// captcha.tsx names them without an import. A global for TypeScript only: a declaration in that
// file would be a binding to the compiler, which then would not import it.
declare global {
  const Dynamic: (props: { component: string; [attribute: string]: unknown }) => JSX.Element
}
