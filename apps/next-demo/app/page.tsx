// A Server Component: it reads the public configuration on the server and renders the client
// component that holds the widget. Nothing secret crosses to the browser.
import { publicConfig } from '../lib/config'
import { SignupForm } from './signup-form'

export const dynamic = 'force-dynamic'

export default function Page() {
  return (
    <>
      <h1>
        Sign up <small>Next.js</small>
      </h1>
      <SignupForm siteKey={publicConfig.siteKey} scriptUrl={publicConfig.scriptUrl} />
    </>
  )
}
