import { Component, signal } from '@angular/core'
import { loadDemoConfig, type DemoConfig } from './signup'
import { SignupForm } from './signup-form'

@Component({
  selector: 'app-root',
  imports: [SignupForm],
  template: `
    <main>
      <h1>Sign up <small>Angular</small></h1>
      @if (config(); as config) {
        <app-signup-form [config]="config" />
      } @else {
        <p>Loading…</p>
      }
    </main>
  `,
})
export class App {
  readonly config = signal<DemoConfig | null>(null)

  constructor() {
    void loadDemoConfig().then((config) => this.config.set(config))
  }
}
