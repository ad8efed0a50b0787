import { render } from 'solid-js/web'
import { SignupForm } from './recipe'

render(() => <SignupForm />, document.getElementById('root')!)
