import { provideZonelessChangeDetection } from '@angular/core'
import { bootstrapApplication } from '@angular/platform-browser'
import { provideCaptchaDefaults } from '@passline/angular'
import { Signup } from './recipe'

// What `ng new` gives, with the defaults `ng add @passline/angular --site-key=your-app-key` adds.
bootstrapApplication(Signup, {
  providers: [
    provideZonelessChangeDetection(),
    provideCaptchaDefaults({ siteKey: 'your-app-key' }),
  ],
}).catch((error) => console.error(error))
