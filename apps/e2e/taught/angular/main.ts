import { provideZonelessChangeDetection } from '@angular/core'
import { bootstrapApplication } from '@angular/platform-browser'
import { Signup } from './recipe'

bootstrapApplication(Signup, { providers: [provideZonelessChangeDetection()] }).catch((error) =>
  console.error(error),
)
