// The page around the Solid README's recipe (src/SignupForm.tsx, written by the stage).
import { SignupForm } from '../SignupForm'

export default function Signup() {
  return <SignupForm />
}
