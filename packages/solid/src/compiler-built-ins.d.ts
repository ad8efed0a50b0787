import type { JSX, Show as SolidShow } from 'solid-js'

// Solid's compiler imports its built-ins (`<Dynamic>`, `<Show>` here) from the app's own Solid
// major, so captcha.tsx names them without an import. Globals for TypeScript only: declared in
// that file, they would be bindings to the compiler, which then would not import them.
declare global {
  const Dynamic: (props: { component: string; [attribute: string]: unknown }) => JSX.Element
  const Show: typeof SolidShow
}
