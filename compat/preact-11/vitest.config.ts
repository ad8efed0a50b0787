import { preactProject } from '../preact/preact-project.ts'

// @passline/react's own test files on Preact 11, the current major.
export default preactProject('react (Preact 11)', import.meta.url)
