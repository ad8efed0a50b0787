import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { SignupForm } from './recipe'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignupForm />
  </StrictMode>,
)
