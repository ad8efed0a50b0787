// A file's text, inlined at build time (see assets.ts).
declare module '*?raw' {
  const text: string
  export default text
}
