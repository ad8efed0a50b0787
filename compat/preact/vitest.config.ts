import { preactProject } from './preact-project.ts'

// @passline/react's own test files on Preact 10, as a Preact app would alias React.
export default preactProject('react (Preact)', import.meta.url)
